using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>b2DistanceProxy over a lane type for a terrain edge (2 vertices) or a walker polygon (up to 5), in fields rather than an array.</summary>
public struct LaneProxy<T> where T : struct, ILane<T>
{
    /// <summary>The vertices.</summary>
    public Vec2<T> V0, V1, V2, V3, V4;
    /// <summary>How many vertices are used, per lane.</summary>
    public T Count;

    /// <summary>Vertex <paramref name="index"/>, per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vec2<T> GetVertex(T index) =>
        Vec2<T>.Select(T.Equal(index, T.From(1f)), V1, Vec2<T>.Select(T.Equal(index, T.From(2f)), V2,
            Vec2<T>.Select(T.Equal(index, T.From(3f)), V3, Vec2<T>.Select(T.Equal(index, T.From(4f)), V4, V0))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vec2<T> Vertex(int index) => index switch { 0 => V0, 1 => V1, 2 => V2, 3 => V3, _ => V4 };

    /// <summary>The index of the vertex furthest along <paramref name="d"/> (the first of equals), per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T GetSupport(Vec2<T> d)
    {
        T bestIndex = T.From(0f);
        T bestValue = Vec2<T>.Dot(V0, d);
        for (int i = 1; i < BipedLayout.MaxVertices; i++)
        {
            T value = Vec2<T>.Dot(Vertex(i), d);
            T better = T.And(T.Less(T.From(i), Count), T.Greater(value, bestValue));
            bestIndex = T.Select(better, T.From(i), bestIndex);
            bestValue = T.Select(better, value, bestValue);
        }
        return bestIndex;
    }
}
