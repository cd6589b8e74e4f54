using System.Runtime.CompilerServices;

namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2DistanceProxy</c>: a convex vertex set with a radius, as GJK sees a shape.</summary>
public readonly struct DistanceProxy
{
    /// <summary>The vertices (the polygon's own array, or an edge's two end points).</summary>
    public readonly Vec2[] Vertices;
    /// <summary>Number of vertices in use.</summary>
    public readonly int Count;
    /// <summary>Skin radius.</summary>
    public readonly float Radius;

    /// <summary>A proxy over the first <paramref name="count"/> entries of <paramref name="vertices"/>.</summary>
    public DistanceProxy(Vec2[] vertices, int count, float radius) { Vertices = vertices; Count = count; Radius = radius; }

    /// <summary><c>b2DistanceProxy::GetSupport</c>: index of the vertex furthest along d (first on ties).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetSupport(Vec2 d)
    {
        int bestIndex = 0;
        float bestValue = Vec2.Dot(Vertices[0], d);
        for (int i = 1; i < Count; ++i)
        {
            float value = Vec2.Dot(Vertices[i], d);
            if (value > bestValue) { bestIndex = i; bestValue = value; }
        }
        return bestIndex;
    }

    /// <summary><c>b2DistanceProxy::GetVertex</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec2 GetVertex(int index) => Vertices[index];
}
