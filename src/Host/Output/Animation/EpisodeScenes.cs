using Wann.Engine;

namespace Wann.Host.Output.Animation;

/// <summary>The scene of each rollout task: the one place a new task's picture is registered.</summary>
public static class EpisodeScenes
{
    public static IEpisodeScene For(string task) => task switch
    {
        "swingup" or "swingup_hard" => CartScene.SwingUp(),
        "cartpole" => CartScene.CartPole(),
        "acrobot" => new AcrobotScene(),
        "mountaincar" => new MountainCarScene(),
        "pendulum" => new PendulumScene(),
        _ => throw new WannException($"task '{task}' has no picture for an animation (tasks with one: swingup, swingup_hard, cartpole, acrobot, mountaincar, pendulum)"),
    };
}
