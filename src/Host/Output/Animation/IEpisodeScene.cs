using SkiaSharp;

namespace Wann.Host.Output.Animation;

/// <summary>How one rollout task is drawn: a picture of its state drawn from the observation the network saw.</summary>
public interface IEpisodeScene
{
    /// <summary>Simulated seconds per step, so the animation runs in the task's own time.</summary>
    double StepSeconds { get; }

    /// <summary>Draws the state that <paramref name="observation"/> describes onto a cleared canvas of the given size.</summary>
    void Draw(SKCanvas canvas, int width, int height, IReadOnlyList<float> observation);
}
