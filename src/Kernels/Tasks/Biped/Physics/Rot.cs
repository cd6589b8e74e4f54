using System.Runtime.CompilerServices;

namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Rot</c>: sine and cosine of an angle. Built with <see cref="MathF.Sin"/> and
/// <see cref="MathF.Cos"/>, which on .NET 10 / Linux x64 call glibc's <c>sinf</c>/<c>cosf</c>, the ones the
/// recording used (correctly rounded versions part from it within 16 steps).
/// </summary>
public struct Rot
{
    /// <summary>Sine and cosine.</summary>
    public float S, C;

    /// <summary><c>b2Rot(angle)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Rot(float angle) { S = MathF.Sin(angle); C = MathF.Cos(angle); }

    /// <summary>The identity rotation.</summary>
    public static Rot Identity => new() { S = 0f, C = 1f };

    /// <summary><c>b2Mul(Rot, Vec2)</c>: rotate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 Mul(Rot q, Vec2 v) => new(q.C * v.X - q.S * v.Y, q.S * v.X + q.C * v.Y);

    /// <summary><c>b2MulT(Rot, Vec2)</c>: inverse rotate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 MulT(Rot q, Vec2 v) => new(q.C * v.X + q.S * v.Y, -q.S * v.X + q.C * v.Y);

    /// <summary><c>b2MulT(Rot, Rot)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rot MulT(Rot q, Rot r) => new() { S = q.C * r.S - q.S * r.C, C = q.C * r.C + q.S * r.S };
}
