using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>b2ClipVertex with a <see cref="LaneManifold.Key"/> feature id.</summary>
public struct LaneClipVertex
{
    /// <summary>The point.</summary>
    public Vec2 V;
    /// <summary>Its feature id.</summary>
    public int Id;

    /// <summary><c>b2ClipSegmentToLine</c>: the part of in0..in1 behind the line; returns how many points (0 to 2).</summary>
    public static int ClipSegmentToLine(out LaneClipVertex out0, out LaneClipVertex out1, LaneClipVertex in0, LaneClipVertex in1,
        Vec2 normal, float offset, int vertexIndexA)
    {
        out0 = default;
        out1 = default;
        int numOut = 0;
        float distance0 = Vec2.Dot(normal, in0.V) - offset;
        float distance1 = Vec2.Dot(normal, in1.V) - offset;
        if (!(distance0 > 0f))
        {
            out0 = in0;
            numOut++;
        }
        if (!(distance1 > 0f))
        {
            if (numOut == 0) out0 = in1; else out1 = in1;
            numOut++;
        }
        if (distance0 * distance1 < 0f)
        {
            float interp = distance0 / (distance0 - distance1);
            var cut = new LaneClipVertex
            {
                V = in0.V + interp * (in1.V - in0.V),
                Id = LaneManifold.Key(vertexIndexA, LaneManifold.IndexB(in0.Id), 0, 1),
            };
            if (numOut == 0) out0 = cut; else out1 = cut;
            numOut++;
        }
        return numOut;
    }
}
