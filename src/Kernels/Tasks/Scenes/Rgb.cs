namespace Wann.Kernels.Tasks.Scenes;

/// <summary>A colour of a scene, 8 bits a channel.</summary>
public readonly record struct Rgb(byte R, byte G, byte B);
