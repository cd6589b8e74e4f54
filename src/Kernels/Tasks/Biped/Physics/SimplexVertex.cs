namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2SimplexVertex</c>: support points on both shapes and their difference.</summary>
public struct SimplexVertex
{
    /// <summary>Support point on A, on B, and wB - wA.</summary>
    public Vec2 WA, WB, W;
    /// <summary>Barycentric coordinate of the closest point.</summary>
    public float A;
    /// <summary>Vertex indices on A and B.</summary>
    public int IndexA, IndexB;
}
