namespace Wann.Kernels.Tasks.Scenes;

/// <summary>
/// How a rollout task looks: it lives in the task's folder and is registered with the task (<see cref="TaskRegistry"/>),
/// so a new task brings its own picture and nothing else names it. Drawing needs no graphics library: a scene
/// fills a <see cref="Sketch"/>.
/// </summary>
public interface ITaskScene
{
    /// <summary>Simulated seconds per step, so an animation runs in the task's own time.</summary>
    double StepSeconds { get; }

    /// <summary>Draws <paramref name="moment"/> onto <paramref name="sketch"/> (a white canvas; captions are the caller's).</summary>
    void Draw(Sketch sketch, SceneMoment moment);
}
