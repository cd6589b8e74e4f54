namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2MassData</c>: mass, centroid and rotational inertia about the shape origin.</summary>
public readonly record struct MassData(float Mass, Vec2 Center, float Inertia);
