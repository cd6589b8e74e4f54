using System.Runtime.CompilerServices;

namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2AABB</c>: an axis-aligned box; the broad phase keeps fattened ones.</summary>
public struct Aabb
{
    /// <summary>Lower and upper corners.</summary>
    public Vec2 Lower, Upper;

    /// <summary><c>b2TestOverlap(AABB, AABB)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Overlap(in Aabb a, in Aabb b)
    {
        Vec2 d1 = b.Lower - a.Upper;
        Vec2 d2 = a.Lower - b.Upper;
        if (d1.X > 0f || d1.Y > 0f) return false;
        if (d2.X > 0f || d2.Y > 0f) return false;
        return true;
    }

    /// <summary><c>b2AABB::Contains</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Contains(in Aabb aabb) =>
        Lower.X <= aabb.Lower.X && Lower.Y <= aabb.Lower.Y && aabb.Upper.X <= Upper.X && aabb.Upper.Y <= Upper.Y;

    /// <summary><c>b2AABB::Combine(a, b)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Aabb Combine(in Aabb a, in Aabb b) => new() { Lower = Vec2.Min(a.Lower, b.Lower), Upper = Vec2.Max(a.Upper, b.Upper) };
}
