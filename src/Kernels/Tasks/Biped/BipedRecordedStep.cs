namespace Wann.Kernels.Tasks.Biped;

/// <summary>One world step of a recorded episode: the action applied, and what the env returned after it.</summary>
/// <param name="Action">The 4 action values (step 0: zeros, the step inside <c>reset()</c>).</param>
/// <param name="Observation">The 24 observations.</param>
/// <param name="Reward">The reward (0 at step 0).</param>
/// <param name="Done">The done flag.</param>
/// <param name="HullX">Hull origin x (a float32 value).</param>
/// <param name="HullY">Hull origin y (a float32 value).</param>
public sealed record BipedRecordedStep(double[] Action, double[] Observation, double Reward, bool Done, double HullX, double HullY);
