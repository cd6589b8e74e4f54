using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// The state slots of a body that differs from lane to lane (a contact's body, the body a lane's time of impact
/// moves): the sweep and transform, read and written at each lane's own body; writes only in the mask's lanes.
/// </summary>
public struct BodySlotsAt<T, TState>(TState state, T body, T mask)
    where T : struct, ILane<T> where TState : struct, ILaneState<T>
{
    private TState _state = state;
    // Lanes outside the mask read body 0, so that no index is ever out of range.
    private readonly T _base = T.From(StateBodies) + T.Select(mask, body, T.From(0f)) * T.From(StateBodyStride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T Get(int field) => _state.Gather(_base + T.From(field));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(int field, T value) => _state.Scatter(_base + T.From(field), value, mask);

    /// <summary>Sweep: centre of mass and angle at <see cref="Alpha0"/>.</summary>
    public Vec2<T> C0 { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(C0x), Get(C0y)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(C0x, value.X); Put(C0y, value.Y); } }
    /// <summary>Sweep: centre of mass at the end of the step.</summary>
    public Vec2<T> C { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(Cx), Get(Cy)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(Cx, value.X); Put(Cy, value.Y); } }
    /// <summary>Sweep: angle at <see cref="Alpha0"/>.</summary>
    public T A0 { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.A0); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.A0, value); }
    /// <summary>Sweep: angle at the end of the step.</summary>
    public T A { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.A); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.A, value); }
    /// <summary>Sweep: the fraction of the step that <see cref="C0"/> and <see cref="A0"/> belong to.</summary>
    public T Alpha0 { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Alpha0); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Alpha0, value); }
    /// <summary>The body's transform.</summary>
    public readonly Transform<T> Transform { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(new Vec2<T>(Get(Px), Get(Py)), new Rot<T>(Get(QSin), Get(QCos))); }
    /// <summary>The fat AABB's lower corner.</summary>
    public readonly Vec2<T> FatLower => new(Get(FatLowerX), Get(FatLowerY));
    /// <summary>The fat AABB's upper corner.</summary>
    public readonly Vec2<T> FatUpper => new(Get(FatUpperX), Get(FatUpperY));
    /// <summary>Head of the body's contact list (-1: none).</summary>
    public T Contacts { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BodyContacts); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BodyContacts, value); }
}
