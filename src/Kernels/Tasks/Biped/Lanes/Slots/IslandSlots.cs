using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// Island position <c>i</c>'s slots (the same position in every lane, each lane's own contact there): the
/// contact and its body, and the constraint the contact solver builds once a step and iterates on
/// (b2ContactVelocityConstraint, b2ContactPositionConstraint). Writes only in the mask's lanes.
/// </summary>
public struct IslandSlots<T, TState>(TState state, int position, T mask)
    where T : struct, ILane<T> where TState : struct, ILaneState<T>
{
    private TState _state = state;
    private readonly int _base = Island + position * IslandStride;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T Get(int field) => _state[_base + field];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(int field, T value) => _state[_base + field] = T.Select(mask, value, _state[_base + field]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PointField(int j, int field) => ConstraintPointsAt + j * ConstraintPointStride + field;

    /// <summary>The contact at this position.</summary>
    public readonly T Contact { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(IslandContact); }
    /// <summary>The contact's dynamic body.</summary>
    public readonly T Body { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Get(IslandBody); }
    /// <summary>Points the velocity constraint solves (1 where the block solver found the two redundant).</summary>
    public T PointCount { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(ConstraintPoints); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(ConstraintPoints, value); }
    /// <summary>The world normal, from the edge to the body.</summary>
    public Vec2<T> Normal { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(NormalX), Get(NormalY)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(NormalX, value.X); Put(NormalY, value.Y); } }
    /// <summary>The mixed friction of the edge and the body.</summary>
    public T Friction { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Friction); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Friction, value); }
    /// <summary>Body B's inverse mass and inverse rotational inertia.</summary>
    public T InvMass { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(InvMassB); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(InvMassB, value); }
    /// <inheritdoc cref="InvMass"/>
    public T InvI { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(InvIB); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(InvIB, value); }
    /// <summary>Body B's centre of mass in its frame.</summary>
    public Vec2<T> LocalCenter { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(LocalCenterBx), Get(LocalCenterBy)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(LocalCenterBx, value.X); Put(LocalCenterBy, value.Y); } }
    /// <summary>The block solver's inverse mass matrix.</summary>
    public Mat22<T> NormalMass
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(new Vec2<T>(Get(NormalMass11), Get(NormalMass21)), new Vec2<T>(Get(NormalMass12), Get(NormalMass22)));
        set { Put(NormalMass11, value.Ex.X); Put(NormalMass21, value.Ex.Y); Put(NormalMass12, value.Ey.X); Put(NormalMass22, value.Ey.Y); }
    }
    /// <summary>The block solver's mass matrix.</summary>
    public Mat22<T> K
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(new Vec2<T>(Get(K11), Get(K21)), new Vec2<T>(Get(K12), Get(K22)));
        set { Put(K11, value.Ex.X); Put(K21, value.Ex.Y); Put(K12, value.Ey.X); Put(K22, value.Ey.Y); }
    }

    /// <summary>Point <paramref name="j"/>'s anchor relative to body A (the edge).</summary>
    public readonly Vec2<T> RA(int j) => new(Get(PointField(j, RAx)), Get(PointField(j, RAy)));
    /// <summary>Point <paramref name="j"/>'s anchor relative to body B's centre of mass.</summary>
    public readonly Vec2<T> RB(int j) => new(Get(PointField(j, RBx)), Get(PointField(j, RBy)));
    /// <summary>Point <paramref name="j"/>'s normal and tangent mass and velocity bias.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T NormalMassOf(int j) => Get(PointField(j, CpNormalMass));
    /// <inheritdoc cref="NormalMassOf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T TangentMassOf(int j) => Get(PointField(j, CpTangentMass));
    /// <inheritdoc cref="NormalMassOf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T VelocityBiasOf(int j) => Get(PointField(j, VelocityBias));
    /// <summary>Point <paramref name="j"/>'s accumulated normal and tangent impulse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T NormalImpulseOf(int j) => Get(PointField(j, CpNormalImpulse));
    /// <inheritdoc cref="NormalImpulseOf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T TangentImpulseOf(int j) => Get(PointField(j, CpTangentImpulse));

    /// <summary>Sets point <paramref name="j"/>'s anchors, masses and bias.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetPoint(int j, Vec2<T> rA, Vec2<T> rB, T normalMass, T tangentMass, T velocityBias)
    {
        Put(PointField(j, RAx), rA.X);
        Put(PointField(j, RAy), rA.Y);
        Put(PointField(j, RBx), rB.X);
        Put(PointField(j, RBy), rB.Y);
        Put(PointField(j, CpNormalMass), normalMass);
        Put(PointField(j, CpTangentMass), tangentMass);
        Put(PointField(j, VelocityBias), velocityBias);
    }

    /// <summary>Sets point <paramref name="j"/>'s accumulated normal impulse in the lanes of <paramref name="where"/> (within the view's mask).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetNormalImpulse(int j, T impulse, T where) => PutWhere(PointField(j, CpNormalImpulse), impulse, where);

    /// <summary>Sets point <paramref name="j"/>'s accumulated tangent impulse in the lanes of <paramref name="where"/> (within the view's mask).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetTangentImpulse(int j, T impulse, T where) => PutWhere(PointField(j, CpTangentImpulse), impulse, where);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PutWhere(int field, T value, T where) => _state[_base + field] = T.Select(T.And(mask, where), value, _state[_base + field]);

    /// <summary>Sets point <paramref name="j"/>'s accumulated impulses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetImpulses(int j, T normalImpulse, T tangentImpulse)
    {
        Put(PointField(j, CpNormalImpulse), normalImpulse);
        Put(PointField(j, CpTangentImpulse), tangentImpulse);
    }

    /// <summary>The manifold as the position solver reads it: type (1 face A, 2 face B) and point count.</summary>
    public T ManifoldKind { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(PositionKind); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(PositionKind, value); }
    /// <inheritdoc cref="ManifoldKind"/>
    public T ManifoldPoints { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(PositionPoints); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(PositionPoints, value); }
    /// <summary>The manifold's normal and reference point, in the reference body's frame.</summary>
    public Vec2<T> LocalNormal { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(PositionNormalX), Get(PositionNormalY)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(PositionNormalX, value.X); Put(PositionNormalY, value.Y); } }
    /// <inheritdoc cref="LocalNormal"/>
    public Vec2<T> LocalPlane { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(PositionPlaneX), Get(PositionPlaneY)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(PositionPlaneX, value.X); Put(PositionPlaneY, value.Y); } }
    /// <summary>The manifold's point <paramref name="j"/>, in the incident body's frame.</summary>
    public readonly Vec2<T> LocalPoint(int j) => j == 0 ? new(Get(PositionPoint0X), Get(PositionPoint0Y)) : new(Get(PositionPoint1X), Get(PositionPoint1Y));
    /// <summary>Sets the manifold's point <paramref name="j"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetLocalPoint(int j, Vec2<T> point)
    {
        Put(j == 0 ? PositionPoint0X : PositionPoint1X, point.X);
        Put(j == 0 ? PositionPoint0Y : PositionPoint1Y, point.Y);
    }
}
