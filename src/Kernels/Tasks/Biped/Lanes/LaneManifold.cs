using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// A manifold as the lane-generic collider returns it: type (1 face A, 2 face B), up to two points in the
/// frame Box2D keeps them, and their feature ids as small integers (<see cref="Key"/>), which only need to match.
/// </summary>
public struct LaneManifold
{
    /// <summary>1 = face A, 2 = face B (Box2D's b2Manifold::Type).</summary>
    public float Type;
    /// <summary>Number of points (0 to 2).</summary>
    public int PointCount;
    /// <summary>Normal and reference point in the reference body's frame.</summary>
    public Vec2 LocalNormal, LocalPoint;
    /// <summary>The points in the incident body's frame.</summary>
    public Vec2 Point0, Point1;
    /// <summary>The points' feature ids.</summary>
    public int Id0, Id1;

    /// <summary>Box2D's b2ContactFeature (index A, index B, type A, type B; indices below 8, types 0 vertex or 1 face) as one small integer.</summary>
    public static int Key(int indexA, int indexB, int typeA, int typeB) => indexA | indexB << 3 | typeA << 6 | typeB << 7;

    /// <summary>The key with the features of A and B swapped.</summary>
    public static int Swap(int id) => Key((id >> 3) & 7, id & 7, (id >> 7) & 1, (id >> 6) & 1);

    /// <summary>Index B of a key.</summary>
    public static int IndexB(int id) => (id >> 3) & 7;
}
