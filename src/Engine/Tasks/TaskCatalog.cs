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

    /// <summary>Known for importing its champion; its physics (Box2D BipedalWalker) is not implemented.</summary>
    public static readonly TaskSpec Biped = new("biped", new NetworkShape(24, 4), AllButSquared, 1600,
        Numbered("in", 24), new[] { "hip1", "knee1", "hip2", "knee2" }, CanRun: false);

    /// <summary>Known for importing its champion; the VAE car-racing task is not implemented.</summary>
    public static readonly TaskSpec Racer = new("racer", new NetworkShape(16, 3), AllButSquared, 1000,
        Numbered("z", 16), new[] { "steer", "gas", "brake" }, CanRun: false);

    public static IReadOnlyList<TaskSpec> All { get; } = new[] { SwingUp, SwingUpHard, CartPole, Acrobot, MountainCar, Pendulum, Biped, Racer };

    public static TaskSpec? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static TaskSpec Get(string name, string where) =>
        Find(name) ?? throw new WannException($"{where}: unknown task '{name}' (known: {string.Join(", ", All.Select(t => t.Name))})");

    private static string[] Numbered(string prefix, int n) => Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToArray();
}
