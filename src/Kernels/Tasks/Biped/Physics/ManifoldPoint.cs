namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2ManifoldPoint</c>: a contact point in local coordinates, the impulses kept for warm
/// starting, and the feature id (<c>b2ContactID::key</c>: indexA, indexB, typeA, typeB as bytes, low first).
/// </summary>
public struct ManifoldPoint
{
    /// <summary>Meaning depends on the manifold type (see <c>b2Manifold</c>).</summary>
    public Vec2 LocalPoint;
    /// <summary>Non-penetration impulse.</summary>
    public float NormalImpulse;
    /// <summary>Friction impulse.</summary>
    public float TangentImpulse;
    /// <summary>Feature key that matches points from one step to the next.</summary>
    public uint Id;

    /// <summary>Packs a <c>b2ContactFeature</c> into its <c>key</c> (little-endian union).</summary>
    public static uint Key(int indexA, int indexB, int typeA, int typeB) =>
        (uint)(byte)indexA | (uint)(byte)indexB << 8 | (uint)(byte)typeA << 16 | (uint)(byte)typeB << 24;

    /// <summary><c>b2ContactFeature::e_vertex</c>.</summary>
    public const int Vertex = 0;
    /// <summary><c>b2ContactFeature::e_face</c>.</summary>
    public const int Face = 1;
}
