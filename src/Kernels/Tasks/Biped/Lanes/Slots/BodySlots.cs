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

    private readonly T Get(int field) => _state[_base + field];

    private void Put(int field, T value) => _state[_base + field] = T.Select(mask, value, _state[_base + field]);

    /// <summary>Sweep: centre of mass and angle at <see cref="Alpha0"/>.</summary>
    public Vec2<T> C0 { readonly get => new(Get(C0x), Get(C0y)); set { Put(C0x, value.X); Put(C0y, value.Y); } }
    /// <summary>Sweep: centre of mass at the end of the step.</summary>
    public Vec2<T> C { readonly get => new(Get(Cx), Get(Cy)); set { Put(Cx, value.X); Put(Cy, value.Y); } }
    /// <summary>Sweep: angle at <see cref="Alpha0"/>.</summary>
    public T A0 { readonly get => Get(BipedLayout.A0); set => Put(BipedLayout.A0, value); }
    /// <summary>Sweep: angle at the end of the step.</summary>
    public T A { readonly get => Get(BipedLayout.A); set => Put(BipedLayout.A, value); }
    /// <summary>Sweep: the fraction of the step that <see cref="C0"/> and <see cref="A0"/> belong to.</summary>
    public T Alpha0 { readonly get => Get(BipedLayout.Alpha0); set => Put(BipedLayout.Alpha0, value); }
    /// <summary>The body's transform.</summary>
    public Transform<T> Transform
    {
        readonly get => new(new Vec2<T>(Get(Px), Get(Py)), new Rot<T>(Get(QSin), Get(QCos)));
        set { Put(Px, value.P.X); Put(Py, value.P.Y); Put(QSin, value.Q.S); Put(QCos, value.Q.C); }
    }
    /// <summary>Linear velocity.</summary>
    public Vec2<T> V { readonly get => new(Get(Vx), Get(Vy)); set { Put(Vx, value.X); Put(Vy, value.Y); } }
    /// <summary>Angular velocity.</summary>
    public T W { readonly get => Get(BipedLayout.W); set => Put(BipedLayout.W, value); }
    /// <summary>The fat AABB's lower corner.</summary>
    public Vec2<T> FatLower { readonly get => new(Get(FatLowerX), Get(FatLowerY)); set { Put(FatLowerX, value.X); Put(FatLowerY, value.Y); } }
    /// <summary>The fat AABB's upper corner.</summary>
    public Vec2<T> FatUpper { readonly get => new(Get(FatUpperX), Get(FatUpperY)); set { Put(FatUpperX, value.X); Put(FatUpperY, value.Y); } }
    /// <summary>Head of the body's contact list (-1: none).</summary>
    public T Contacts { readonly get => Get(BodyContacts); set => Put(BodyContacts, value); }
    /// <summary>1 while the body's proxy waits in the broad phase's move buffer.</summary>
    public T Moved { readonly get => Get(BipedLayout.Moved); set => Put(BipedLayout.Moved, value); }
}
