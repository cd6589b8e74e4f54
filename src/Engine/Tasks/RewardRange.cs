namespace Wann.Engine.Tasks;

/// <summary>
/// The rewards a task can give, declared by the task beside its reward function: every step's reward lies
/// in [<paramref name="StepMin"/>, <paramref name="StepMax"/>], and an episode may add <paramref name="Bonus"/>
/// once (reaching a goal). A non-finite reward (an unstable network) is outside any range and is allowed
/// apart: it counts as the worst fitness. The cluster refuses a worker's finite reward outside the range.
/// </summary>
public readonly record struct RewardRange(double StepMin, double StepMax, double Bonus = 0)
{
    /// <summary>
    /// The least and most a finite episode total of 1..<paramref name="steps"/> steps can be, widened by a
    /// thousandth for the rounding of a float sum (a sum of 10^6 floats errs by far less).
    /// </summary>
    public (double Min, double Max) EpisodeTotal(int steps)
    {
        double min = Math.Min(StepMin, steps * StepMin) + Math.Min(0, Bonus);
        double max = Math.Max(StepMax, steps * StepMax) + Math.Max(0, Bonus);
        double slack = 1e-3 * Math.Max(1, Math.Max(Math.Abs(min), Math.Abs(max)));
        return (min - slack, max + slack);
    }
}
