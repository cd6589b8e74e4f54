using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// Dynamic body <c>b</c>'s state slots (the same body in every lane): its sweep, transform, velocities, fat AABB,
/// contact list and moved flag. Writes land only in the lanes of the view's mask.
/// </summary>
public struct BodySlots<T, TState>(TState state, int body, T mask)
    where T : struct, ILane<T> where TState : struct, ILaneState<T>
{
    private TState _state = state;
    private readonly int _base = StateBodies + body * StateBodyStride;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T Get(int field) => _state[_base + field];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(int field, T value) => _state[_base + field] = T.Select(mask, value, _state[_base + field]);

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
    public Transform<T> Transform
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(new Vec2<T>(Get(Px), Get(Py)), new Rot<T>(Get(QSin), Get(QCos)));
        set { Put(Px, value.P.X); Put(Py, value.P.Y); Put(QSin, value.Q.S); Put(QCos, value.Q.C); }
    }
    /// <summary>Linear velocity.</summary>
    public Vec2<T> V { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(Vx), Get(Vy)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(Vx, value.X); Put(Vy, value.Y); } }
    /// <summary>Angular velocity.</summary>
    public T W { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.W); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.W, value); }
    /// <summary>The fat AABB's lower corner.</summary>
    public Vec2<T> FatLower { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(FatLowerX), Get(FatLowerY)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(FatLowerX, value.X); Put(FatLowerY, value.Y); } }
    /// <summary>The fat AABB's upper corner.</summary>
    public Vec2<T> FatUpper { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(Get(FatUpperX), Get(FatUpperY)); [MethodImpl(MethodImplOptions.AggressiveInlining)] set { Put(FatUpperX, value.X); Put(FatUpperY, value.Y); } }
    /// <summary>Head of the body's contact list (-1: none).</summary>
    public T Contacts { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BodyContacts); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BodyContacts, value); }
    /// <summary>1 while the body's proxy waits in the broad phase's move buffer.</summary>
    public T Moved { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => Get(BipedLayout.Moved); [MethodImpl(MethodImplOptions.AggressiveInlining)] set => Put(BipedLayout.Moved, value); }
}
