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
    public readonly T Mask => mask;

    private readonly T Get(int field) => _state.Gather(_base + T.From(field));

    private void Put(int field, T value) => _state.Scatter(_base + T.From(field), value, mask);

    /// <summary>1 while the pool entry holds a contact.</summary>
    public T InUse { readonly get => Get(BipedLayout.InUse); set => Put(BipedLayout.InUse, value); }
    /// <summary>Fixture A: the terrain edge.</summary>
    public T Edge { readonly get => Get(ContactEdge); set => Put(ContactEdge, value); }
    /// <summary>Fixture B: the dynamic body.</summary>
    public T Body { readonly get => Get(ContactBody); set => Put(ContactBody, value); }
    /// <summary>World list neighbours (-1: none).</summary>
    public T Prev { readonly get => Get(BipedLayout.Prev); set => Put(BipedLayout.Prev, value); }
    /// <inheritdoc cref="Prev"/>
    public T Next { readonly get => Get(BipedLayout.Next); set => Put(BipedLayout.Next, value); }
    /// <summary>Body B's contact list neighbours (-1: none).</summary>
    public T PrevB { readonly get => Get(BipedLayout.PrevB); set => Put(BipedLayout.PrevB, value); }
    /// <inheritdoc cref="PrevB"/>
    public T NextB { readonly get => Get(BipedLayout.NextB); set => Put(BipedLayout.NextB, value); }
    /// <summary>The cached time of impact and the sub-steps taken this step.</summary>
    public T Toi { readonly get => Get(BipedLayout.Toi); set => Put(BipedLayout.Toi, value); }
    /// <inheritdoc cref="Toi"/>
    public T ToiCount { readonly get => Get(BipedLayout.ToiCount); set => Put(BipedLayout.ToiCount, value); }
    /// <summary>Flags: enabled, touching, in the TOI island, TOI cached.</summary>
    public T Enabled { readonly get => Get(BipedLayout.Enabled); set => Put(BipedLayout.Enabled, value); }
    /// <inheritdoc cref="Enabled"/>
    public T Touching { readonly get => Get(BipedLayout.Touching); set => Put(BipedLayout.Touching, value); }
    /// <inheritdoc cref="Enabled"/>
    public T InIsland { readonly get => Get(ContactIsland); set => Put(ContactIsland, value); }
    /// <inheritdoc cref="Enabled"/>
    public T ToiFlag { readonly get => Get(BipedLayout.ToiFlag); set => Put(BipedLayout.ToiFlag, value); }
    /// <summary>The manifold: type (1 face A, 2 face B), point count, normal and reference point.</summary>
    public T ManifoldKind { readonly get => Get(BipedLayout.ManifoldKind); set => Put(BipedLayout.ManifoldKind, value); }
    /// <inheritdoc cref="ManifoldKind"/>
    public T PointCount { readonly get => Get(BipedLayout.PointCount); set => Put(BipedLayout.PointCount, value); }
    /// <inheritdoc cref="ManifoldKind"/>
    public Vec2<T> LocalNormal { readonly get => new(Get(LocalNormalX), Get(LocalNormalY)); set { Put(LocalNormalX, value.X); Put(LocalNormalY, value.Y); } }
    /// <inheritdoc cref="ManifoldKind"/>
    public Vec2<T> LocalPoint { readonly get => new(Get(LocalPointX), Get(LocalPointY)); set { Put(LocalPointX, value.X); Put(LocalPointY, value.Y); } }

    /// <summary>Manifold point <paramref name="j"/>: where, in the incident body's frame.</summary>
    public readonly Vec2<T> PointLocal(int j) => new(Get(Points + j * PointStride + PointX), Get(Points + j * PointStride + PointY));
    /// <summary>Manifold point <paramref name="j"/>: its normal impulse, carried between steps.</summary>
    public readonly T NormalImpulseOf(int j) => Get(Points + j * PointStride + NormalImpulse);
    /// <summary>Manifold point <paramref name="j"/>: its tangent impulse, carried between steps.</summary>
    public readonly T TangentImpulseOf(int j) => Get(Points + j * PointStride + TangentImpulse);
    /// <summary>Manifold point <paramref name="j"/>: its feature id.</summary>
    public readonly T IdOf(int j) => Get(Points + j * PointStride + PointId);

    /// <summary>Sets manifold point <paramref name="j"/> in the lanes of <paramref name="where"/> (within the view's mask).</summary>
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
    public void SetImpulses(int j, T normalImpulse, T tangentImpulse)
    {
        Put(Points + j * PointStride + NormalImpulse, normalImpulse);
        Put(Points + j * PointStride + TangentImpulse, tangentImpulse);
    }
}
