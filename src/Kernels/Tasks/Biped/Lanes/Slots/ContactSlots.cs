using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// A pooled contact's slots, each lane at its own contact (b2Contact with its manifold): read at each lane's
/// contact, written only in the mask's lanes. Lanes outside the mask read contact 0, so no index is out of range.
/// </summary>
public struct ContactSlots<T, TState>(TState state, T contact, T mask)
    where T : struct, ILane<T> where TState : struct, ILaneState<T>
{
    private TState _state = state;
    private readonly T _base = T.From(Contacts) + T.Select(mask, contact, T.From(0f)) * T.From(ContactStride);

    /// <summary>The lanes this view writes.</summary>
    public readonly T Mask { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => mask; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T Get(int field) => _state.Gather(_base + T.From(field));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(int field, T value) => _state.Scatter(_base + T.From(field), value, mask);

    /// <summary>1 while the pool entry holds a contact.</summary>
    public T InUse { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.InUse); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.InUse, value); }
    /// <summary>Fixture A: the terrain edge.</summary>
    public T Edge { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(ContactEdge); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(ContactEdge, value); }
    /// <summary>Fixture B: the dynamic body.</summary>
    public T Body { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(ContactBody); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(ContactBody, value); }
    /// <summary>World list neighbours (-1: none).</summary>
    public T Prev { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Prev); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Prev, value); }
    /// <inheritdoc cref="Prev"/>
    public T Next { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Next); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Next, value); }
    /// <summary>Body B's contact list neighbours (-1: none).</summary>
    public T PrevB { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.PrevB); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.PrevB, value); }
    /// <inheritdoc cref="PrevB"/>
    public T NextB { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.NextB); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.NextB, value); }
    /// <summary>The cached time of impact and the sub-steps taken this step.</summary>
    public T Toi { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Toi); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Toi, value); }
    /// <inheritdoc cref="Toi"/>
    public T ToiCount { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.ToiCount); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.ToiCount, value); }
    /// <summary>Flags: enabled, touching, in the TOI island, TOI cached.</summary>
    public T Enabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Enabled); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Enabled, value); }
    /// <inheritdoc cref="Enabled"/>
    public T Touching { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Touching); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Touching, value); }
    /// <inheritdoc cref="Enabled"/>
    public T InIsland { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(ContactIsland); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(ContactIsland, value); }
    /// <inheritdoc cref="Enabled"/>
    public T ToiFlag { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.ToiFlag); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.ToiFlag, value); }
    /// <summary>The manifold: type (1 face A, 2 face B), point count, normal and reference point.</summary>
    public T ManifoldKind { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.ManifoldKind); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.ManifoldKind, value); }
    /// <inheritdoc cref="ManifoldKind"/>
    public T PointCount { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.PointCount); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.PointCount, value); }
    /// <inheritdoc cref="ManifoldKind"/>
    public Vec2<T> LocalNormal { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(LocalNormalX), Get(LocalNormalY)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(LocalNormalX, value.X); Put(LocalNormalY, value.Y); } }
    /// <inheritdoc cref="ManifoldKind"/>
    public Vec2<T> LocalPoint { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(LocalPointX), Get(LocalPointY)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(LocalPointX, value.X); Put(LocalPointY, value.Y); } }

    /// <summary>Manifold point <paramref name="j"/>: where, in the incident body's frame.</summary>
    public readonly Vec2<T> PointLocal(int j) => new(Get(Points + j * PointStride + PointX), Get(Points + j * PointStride + PointY));
    /// <summary>Manifold point <paramref name="j"/>: its normal impulse, carried between steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T NormalImpulseOf(int j) => Get(Points + j * PointStride + NormalImpulse);
    /// <summary>Manifold point <paramref name="j"/>: its tangent impulse, carried between steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T TangentImpulseOf(int j) => Get(Points + j * PointStride + TangentImpulse);
    /// <summary>Manifold point <paramref name="j"/>: its feature id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T IdOf(int j) => Get(Points + j * PointStride + PointId);

    /// <summary>Sets manifold point <paramref name="j"/> in the lanes of <paramref name="where"/> (within the view's mask).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetPoint(int j, Vec2<T> local, T id, T normalImpulse, T tangentImpulse, T where)
    {
        T m = T.And(mask, where);
        int p = Points + j * PointStride;
        _state.Scatter(_base + T.From(p + PointX), local.X, m);
        _state.Scatter(_base + T.From(p + PointY), local.Y, m);
        _state.Scatter(_base + T.From(p + PointId), id, m);
        _state.Scatter(_base + T.From(p + NormalImpulse), normalImpulse, m);
        _state.Scatter(_base + T.From(p + TangentImpulse), tangentImpulse, m);
    }

    /// <summary>Sets manifold point <paramref name="j"/>'s carried impulses (b2ContactSolver::StoreImpulses).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetImpulses(int j, T normalImpulse, T tangentImpulse)
    {
        Put(Points + j * PointStride + NormalImpulse, normalImpulse);
        Put(Points + j * PointStride + TangentImpulse, tangentImpulse);
    }
}
