using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// A manifold as the lane-generic collider returns it, per lane: type (1 face A, 2 face B, 0 none), up to two
/// points in the frame Box2D keeps them, and their feature ids as small integers (<see cref="Key"/>), which
/// only need to match.
/// </summary>
public struct LaneManifold<T> where T : struct, ILane<T>
{
    /// <summary>1 = face A, 2 = face B (Box2D's b2Manifold::Type); 0 where the shapes are apart.</summary>
    public T Type;
    /// <summary>Number of points (0 to 2).</summary>
    public T PointCount;
    /// <summary>Normal and reference point in the reference body's frame.</summary>
    public Vec2<T> LocalNormal, LocalPoint;
    /// <summary>The points in the incident body's frame.</summary>
    public Vec2<T> Point0, Point1;
    /// <summary>The points' feature ids.</summary>
    public T Id0, Id1;

    /// <summary>
    /// Box2D's b2ContactFeature (index A, index B, type A, type B; indices below 8, types 0 vertex or 1 face) as one
    /// small integer: indexA + 8 indexB + 64 typeA + 128 typeB.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Key(T indexA, T indexB, float typeA, float typeB) =>
        indexA + T.From(8f) * indexB + T.From(64f * typeA + 128f * typeB);

    /// <summary>The key with the features of A and B swapped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Swap(T id)
    {
        T eighths = T.Floor(id * T.From(0.125f));
        T indexA = id - T.From(8f) * eighths;
        T sixtyFourths = T.Floor(id * T.From(0.015625f));
        T indexB = eighths - T.From(8f) * sixtyFourths;
        T typeB = T.Floor(id * T.From(0.0078125f));
        T typeA = sixtyFourths - T.From(2f) * typeB;
        return indexB + T.From(8f) * indexA + T.From(64f) * typeB + T.From(128f) * typeA;
    }

    /// <summary>Index B of a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T IndexB(T id) => T.Floor(id * T.From(0.125f)) - T.From(8f) * T.Floor(id * T.From(0.015625f));
}

/// <summary>b2ClipVertex over a lane type, with a <see cref="LaneManifold{T}.Key"/> feature id.</summary>
public struct LaneClipVertex<T> where T : struct, ILane<T>
{
    /// <summary>The point.</summary>
    public Vec2<T> V;
    /// <summary>Its feature id.</summary>
    public T Id;

    /// <summary>Per lane: mask ? <paramref name="a"/> : <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneClipVertex<T> Select(T mask, LaneClipVertex<T> a, LaneClipVertex<T> b) =>
        new() { V = Vec2<T>.Select(mask, a.V, b.V), Id = T.Select(mask, a.Id, b.Id) };

    /// <summary><c>b2ClipSegmentToLine</c>: the part of in0..in1 behind the line; returns how many points (0 to 2) per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ClipSegmentToLine(out LaneClipVertex<T> out0, out LaneClipVertex<T> out1, LaneClipVertex<T> in0, LaneClipVertex<T> in1,
        Vec2<T> normal, T offset, T vertexIndexA)
    {
        T zero = T.From(0f);
        var none = new LaneClipVertex<T> { V = new Vec2<T>(zero, zero), Id = zero };
        T distance0 = Vec2<T>.Dot(normal, in0.V) - offset;
        T distance1 = Vec2<T>.Dot(normal, in1.V) - offset;
        T keep0 = T.Not(T.Greater(distance0, zero));
        out0 = Select(keep0, in0, none);
        out1 = none;
        T numOut = T.Select(keep0, T.From(1f), zero);
        T keep1 = T.Not(T.Greater(distance1, zero));
        T firstFree = T.Equal(numOut, zero);
        out0 = Select(T.And(keep1, firstFree), in1, out0);
        out1 = Select(T.AndNot(keep1, firstFree), in1, out1);
        numOut = T.Select(keep1, numOut + T.From(1f), numOut);
        T crossing = T.Less(distance0 * distance1, zero);
        T interp = distance0 / (distance0 - distance1);
        var cut = new LaneClipVertex<T>
        {
            V = in0.V + interp * (in1.V - in0.V),
            Id = LaneManifold<T>.Key(vertexIndexA, LaneManifold<T>.IndexB(in0.Id), 0f, 1f),
        };
        firstFree = T.Equal(numOut, zero);
        out0 = Select(T.And(crossing, firstFree), cut, out0);
        out1 = Select(T.AndNot(crossing, firstFree), cut, out1);
        return T.Select(crossing, numOut + T.From(1f), numOut);
    }
}
