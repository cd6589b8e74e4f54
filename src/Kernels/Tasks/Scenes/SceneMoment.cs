namespace Wann.Kernels.Tasks.Scenes;

/// <summary>
/// One moment of an episode as a scene draws it: the step, what the network saw then, the task's state slots
/// (as <see cref="IRolloutTask"/> keeps them on the reference path) and the episode's data (start values, terrain).
/// </summary>
public sealed record SceneMoment(int Step, float[] Observation, float[] State, float[] Episode);
