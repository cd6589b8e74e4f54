using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Engine.Tasks;

/// <summary>The tasks known by name, with the network shapes of the original release's <c>domain/config.py</c>.</summary>
public static class TaskCatalog
{
    private static readonly ActivationFunction[] AllButSquared =
        Enumerable.Range(1, 10).Select(i => (ActivationFunction)i).ToArray();

    private static readonly string[] SwingUpInputs = { "x", "x_dot", "cos(theta)", "sin(theta)", "theta_dot" };

    public static readonly TaskSpec SwingUp = new("swingup", new NetworkShape(5, 1), AllButSquared, 1000,
        SwingUpInputs, new[] { "force" }, CanRun: true);

    public static readonly TaskSpec SwingUpHard = new("swingup_hard", new NetworkShape(5, 1), AllButSquared, 200,
        SwingUpInputs, new[] { "force" }, CanRun: true);

    public static readonly TaskSpec CartPole = new("cartpole", new NetworkShape(4, 2), AllButSquared, 500,
        new[] { "x", "x_dot", "theta", "theta_dot" }, new[] { "left", "right" }, CanRun: true);

    public static readonly TaskSpec Acrobot = new("acrobot", new NetworkShape(6, 3), AllButSquared, 500,
        new[] { "cos(theta1)", "sin(theta1)", "cos(theta2)", "sin(theta2)", "theta1_dot", "theta2_dot" }, new[] { "torque -1", "torque 0", "torque +1" }, CanRun: true);

    public static readonly TaskSpec MountainCar = new("mountaincar", new NetworkShape(2, 1), AllButSquared, 999,
        new[] { "position", "velocity" }, new[] { "force" }, CanRun: true);

    public static readonly TaskSpec Pendulum = new("pendulum", new NetworkShape(3, 1), AllButSquared, 200,
        new[] { "cos(theta)", "sin(theta)", "theta_dot" }, new[] { "torque" }, CanRun: true);

    private static readonly ActivationFunction[] NoStep = AllButSquared.Where(a => a != ActivationFunction.UnsignedStep).ToArray();

    /// <summary>scikit-learn's 8x8 digits; fitness is minus the softmax cross-entropy on a batch of training images.</summary>
    public static readonly TaskSpec Digits = new("digits", new NetworkShape(64, 10), NoStep, 1000,
        Numbered("px", 64), Numbered("digit ", 10), CanRun: true, TaskKind.Classification);

    /// <summary>Fashion-MNIST downsampled to 16x16 and deskewed, as the original prepared MNIST for mnist256.</summary>
    public static readonly TaskSpec Fashion16 = new("fashion16", new NetworkShape(256, 10), NoStep, 1000,
        Numbered("px", 256), new[] { "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot" }, CanRun: true, TaskKind.Classification);

    /// <summary>The original's MNIST task: known for its shape and config file; MNIST itself is not packaged here (use fashion16).</summary>
    public static readonly TaskSpec Mnist256 = new("mnist256", new NetworkShape(256, 10), NoStep, 1000,
        Numbered("px", 256), Numbered("digit ", 10), CanRun: false, TaskKind.Classification);

    /// <summary>Known for importing its champion; its physics (Box2D BipedalWalker) is not implemented.</summary>
    public static readonly TaskSpec Biped = new("biped", new NetworkShape(24, 4), AllButSquared, 1600,
        Numbered("in", 24), new[] { "hip1", "knee1", "hip2", "knee2" }, CanRun: false);

    /// <summary>Known for importing its champion; the VAE car-racing task is not implemented.</summary>
    public static readonly TaskSpec Racer = new("racer", new NetworkShape(16, 3), AllButSquared, 1000,
        Numbered("z", 16), new[] { "steer", "gas", "brake" }, CanRun: false);

    public static IReadOnlyList<TaskSpec> All { get; } = new[] { SwingUp, SwingUpHard, CartPole, Acrobot, MountainCar, Pendulum, Digits, Fashion16, Mnist256, Biped, Racer };

    public static TaskSpec? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static TaskSpec Get(string name, string where) =>
        Find(name) ?? throw new WannException(CsvTask.Is(name)
            ? $"{where}: task 'csv' takes its shape from its files: give --train FILE and --test FILE (train, eval, sweep) or --io NINxNOUT"
            : $"{where}: unknown task '{name}' (known: {string.Join(", ", All.Select(t => t.Name))}, csv)");

    private static string[] Numbered(string prefix, int n) => Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToArray();
}
