using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// A walker body's constants (mass, shape, start pose) from the episode data, which every episode holds alike:
/// for a body named by the code (<see cref="Of"/>, read once for all lanes) or one that differs from lane to lane
/// (<see cref="At"/>, read per lane).
/// </summary>
public readonly struct BodyModel<T, TEpisode>
    where T : struct, ILane<T> where TEpisode : struct, IEpisodeView<T>
{
    private readonly TEpisode _episode;
    private readonly int _base;
    private readonly T _laneBase;
    private readonly bool _perLane;

    private BodyModel(TEpisode episode, int body, T laneBody, bool perLane)
    {
        _episode = episode;
        _base = Bodies + body * BodyStride;
        _laneBase = T.From(Bodies) + laneBody * T.From(BodyStride);
        _perLane = perLane;
    }

    /// <summary>Body <paramref name="body"/>'s constants.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BodyModel<T, TEpisode> Of(TEpisode episode, int body) => new(episode, body, T.From(0f), false);

    /// <summary>The constants of each lane's own <paramref name="body"/> (a valid body index in every lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BodyModel<T, TEpisode> At(TEpisode episode, T body) => new(episode, 0, body, true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Get(int field) => _perLane ? _episode.Gather(_laneBase + T.From(field)) : _episode.Shared(_base + field);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T GetAt(int field, T index) => _episode.Gather((_perLane ? _laneBase : T.From(_base)) + T.From(field) + index);

    /// <summary>Inverse mass and inverse rotational inertia.</summary>
    public T InvMass { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(BodyInvMass); }
    /// <inheritdoc cref="InvMass"/>
    public T InvI { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(BodyInvI); }
    /// <summary>Centre of mass in the body frame.</summary>
    public Vec2<T> LocalCenter => new(Get(BodyLocalCx), Get(BodyLocalCy));
    /// <summary>The polygon's vertex count (4 or 5).</summary>
    public T VertexCount { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(BodyVertexCount); }
    /// <summary>The polygon's centroid.</summary>
    public Vec2<T> Centroid => new(Get(BodyCentroidX), Get(BodyCentroidY));
    /// <summary>The fixture's friction.</summary>
    public T Friction { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(BodyFriction); }
    /// <summary>Vertex <paramref name="i"/> (the same index in every lane).</summary>
    public Vec2<T> Vertex(int i) => new(Get(BodyVertices + 2 * i), Get(BodyVertices + 2 * i + 1));
    /// <summary>Edge normal <paramref name="i"/> (the same index in every lane).</summary>
    public Vec2<T> Normal(int i) => new(Get(BodyNormals + 2 * i), Get(BodyNormals + 2 * i + 1));
    /// <summary>Each lane's vertex <paramref name="i"/>.</summary>
    public Vec2<T> VertexAt(T i) => new(GetAt(BodyVertices, i + i), GetAt(BodyVertices + 1, i + i));
    /// <summary>Each lane's edge normal <paramref name="i"/>.</summary>
    public Vec2<T> NormalAt(T i) => new(GetAt(BodyNormals, i + i), GetAt(BodyNormals + 1, i + i));
    /// <summary>The body's start pose: transform, centre of mass and angle.</summary>
    public Transform<T> StartTransform { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(new Vec2<T>(Get(BodyPx), Get(BodyPy)), new Rot<T>(Get(BodySin), Get(BodyCos))); }
    /// <inheritdoc cref="StartTransform"/>
    public Vec2<T> StartCenter => new(Get(BodyCx), Get(BodyCy));
    /// <inheritdoc cref="StartTransform"/>
    public T StartAngle { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(BodyAngle); }
    /// <summary>The fat AABB the body's proxy starts with.</summary>
    public Vec2<T> StartFatLower => new(Get(BodyFatLowerX), Get(BodyFatLowerY));
    /// <inheritdoc cref="StartFatLower"/>
    public Vec2<T> StartFatUpper => new(Get(BodyFatUpperX), Get(BodyFatUpperY));
}
