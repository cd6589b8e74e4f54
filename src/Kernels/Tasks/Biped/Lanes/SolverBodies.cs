using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>One body as the island solver holds it (b2Position and b2Velocity): centre, angle, velocities.</summary>
public struct SolverBody<T> where T : struct, ILane<T>
{
    /// <summary>Centre of mass and angle.</summary>
    public Vec2<T> C;
    /// <inheritdoc cref="C"/>
    public T A;
    /// <summary>Linear and angular velocity.</summary>
    public Vec2<T> V;
    /// <inheritdoc cref="V"/>
    public T W;
}

/// <summary>
/// The walker's five bodies as the island solver holds them, in locals for a whole solve (loaded once, stored
/// once). A contact's body differs from lane to lane: <see cref="Which"/> names it per lane, and the contact
/// solver reads and writes through that.
/// </summary>
public struct SolverBodies<T> where T : struct, ILane<T>
{
    /// <summary>Hull, upper leg 0, lower leg 0, upper leg 1, lower leg 1.</summary>
    public SolverBody<T> B0, B1, B2, B3, B4;

    /// <summary>Body <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly SolverBody<T> Get(int b) => b switch { 0 => B0, 1 => B1, 2 => B2, 3 => B3, _ => B4 };

    /// <summary>Sets body <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int b, SolverBody<T> body)
    {
        switch (b)
        {
            case 0: B0 = body; break;
            case 1: B1 = body; break;
            case 2: B2 = body; break;
            case 3: B3 = body; break;
            default: B4 = body; break;
        }
    }

    /// <summary>Each lane's body <paramref name="body"/> as masks, limited to the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Which Of(T body, T mask)
    {
        var which = new Which
        {
            M1 = T.And(mask, T.Equal(body, T.From(1f))),
            M2 = T.And(mask, T.Equal(body, T.From(2f))),
            M3 = T.And(mask, T.Equal(body, T.From(3f))),
            M4 = T.And(mask, T.Equal(body, T.From(4f))),
            M0 = T.And(mask, T.Equal(body, T.From(0f))),
        };
        which.In0 = T.Any(which.M0);
        which.In1 = T.Any(which.M1);
        which.In2 = T.Any(which.M2);
        which.In3 = T.Any(which.M3);
        which.In4 = T.Any(which.M4);
        return which;
    }

    /// <summary>
    /// A body per lane: the lanes where it is body k (no lane in two), and whether any lane has body k. A
    /// contact position usually holds two of the five bodies across a vector's lanes (the lower legs), so the
    /// reads and writes below skip the bodies no lane has.
    /// </summary>
    public struct Which
    {
        /// <summary>Lanes whose body is 0, 1, 2, 3, 4.</summary>
        public T M0, M1, M2, M3, M4;
        /// <summary>Whether any lane's body is 0, 1, 2, 3, 4.</summary>
        public bool In0, In1, In2, In3, In4;
    }

    /// <summary>The velocity of each lane's body (in lanes of no body: the hull's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Velocity(in Which which, out Vec2<T> v, out T w)
    {
        v = B0.V;
        w = B0.W;
        if (which.In4) { v = Vec2<T>.Select(which.M4, B4.V, v); w = T.Select(which.M4, B4.W, w); }
        if (which.In3) { v = Vec2<T>.Select(which.M3, B3.V, v); w = T.Select(which.M3, B3.W, w); }
        if (which.In2) { v = Vec2<T>.Select(which.M2, B2.V, v); w = T.Select(which.M2, B2.W, w); }
        if (which.In1) { v = Vec2<T>.Select(which.M1, B1.V, v); w = T.Select(which.M1, B1.W, w); }
    }

    /// <summary>Sets the velocity of each lane's body (lanes of none are left alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetVelocity(in Which which, Vec2<T> v, T w)
    {
        if (which.In0) { B0.V = Vec2<T>.Select(which.M0, v, B0.V); B0.W = T.Select(which.M0, w, B0.W); }
        if (which.In1) { B1.V = Vec2<T>.Select(which.M1, v, B1.V); B1.W = T.Select(which.M1, w, B1.W); }
        if (which.In2) { B2.V = Vec2<T>.Select(which.M2, v, B2.V); B2.W = T.Select(which.M2, w, B2.W); }
        if (which.In3) { B3.V = Vec2<T>.Select(which.M3, v, B3.V); B3.W = T.Select(which.M3, w, B3.W); }
        if (which.In4) { B4.V = Vec2<T>.Select(which.M4, v, B4.V); B4.W = T.Select(which.M4, w, B4.W); }
    }

    /// <summary>The position of each lane's body (in lanes of no body: the hull's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Position(in Which which, out Vec2<T> c, out T a)
    {
        c = B0.C;
        a = B0.A;
        if (which.In4) { c = Vec2<T>.Select(which.M4, B4.C, c); a = T.Select(which.M4, B4.A, a); }
        if (which.In3) { c = Vec2<T>.Select(which.M3, B3.C, c); a = T.Select(which.M3, B3.A, a); }
        if (which.In2) { c = Vec2<T>.Select(which.M2, B2.C, c); a = T.Select(which.M2, B2.A, a); }
        if (which.In1) { c = Vec2<T>.Select(which.M1, B1.C, c); a = T.Select(which.M1, B1.A, a); }
    }

    /// <summary>Sets the position of each lane's body (lanes of none are left alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetPosition(in Which which, Vec2<T> c, T a)
    {
        if (which.In0) { B0.C = Vec2<T>.Select(which.M0, c, B0.C); B0.A = T.Select(which.M0, a, B0.A); }
        if (which.In1) { B1.C = Vec2<T>.Select(which.M1, c, B1.C); B1.A = T.Select(which.M1, a, B1.A); }
        if (which.In2) { B2.C = Vec2<T>.Select(which.M2, c, B2.C); B2.A = T.Select(which.M2, a, B2.A); }
        if (which.In3) { B3.C = Vec2<T>.Select(which.M3, c, B3.C); B3.A = T.Select(which.M3, a, B3.A); }
        if (which.In4) { B4.C = Vec2<T>.Select(which.M4, c, B4.C); B4.A = T.Select(which.M4, a, B4.A); }
    }
}
