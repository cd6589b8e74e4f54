using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>A terrain edge of each lane's own episode, each lane at its own edge index: vertices and fat AABB.</summary>
public readonly struct EdgeModel<T, TEpisode>(TEpisode episode, T edge)
    where T : struct, ILane<T> where TEpisode : struct, IEpisodeView<T>
{
    private readonly T _base = T.From(Edges) + edge * T.From(EdgeStride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Get(int field) => episode.Gather(_base + T.From(field));

    /// <summary>The edge's first vertex.</summary>
    public Vec2<T> V1 => new(Get(EdgeV1x), Get(EdgeV1y));
    /// <summary>The edge's second vertex.</summary>
    public Vec2<T> V2 => new(Get(EdgeV2x), Get(EdgeV2y));
    /// <summary>The fat AABB's lower corner.</summary>
    public Vec2<T> FatLower => new(Get(EdgeLowerX), Get(EdgeLowerY));
    /// <summary>The fat AABB's upper corner.</summary>
    public Vec2<T> FatUpper => new(Get(EdgeUpperX), Get(EdgeUpperY));
    /// <summary>The largest fat upper x of edges 0 to this one.</summary>
    public T MaxUpperX { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(EdgeMaxUpperX); }
}
