using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>b2DistanceProxy for a terrain edge (2 vertices) or a walker polygon (up to 5), held in fields rather than an array.</summary>
public struct LaneProxy
{
    /// <summary>The vertices.</summary>
    public Vec2 V0, V1, V2, V3, V4;
    /// <summary>How many vertices are used.</summary>
    public int Count;
    /// <summary>The skin radius.</summary>
    public float Radius;

    /// <summary>Vertex <paramref name="index"/>.</summary>
    public readonly Vec2 GetVertex(int index) => index switch { 0 => V0, 1 => V1, 2 => V2, 3 => V3, _ => V4 };

    /// <summary>Sets vertex <paramref name="index"/>.</summary>
    public void SetVertex(int index, Vec2 value)
    {
        switch (index)
        {
            case 0: V0 = value; break;
            case 1: V1 = value; break;
            case 2: V2 = value; break;
            case 3: V3 = value; break;
            default: V4 = value; break;
        }
    }

    /// <summary>The index of the vertex furthest along <paramref name="d"/> (the first of equals).</summary>
    public readonly int GetSupport(Vec2 d)
    {
        int bestIndex = 0;
        float bestValue = Vec2.Dot(V0, d);
        for (int i = 1; i < Count; ++i)
        {
            float value = Vec2.Dot(GetVertex(i), d);
            if (value > bestValue)
            {
                bestIndex = i;
                bestValue = value;
            }
        }
        return bestIndex;
    }
}
