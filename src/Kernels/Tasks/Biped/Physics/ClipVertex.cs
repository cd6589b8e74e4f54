namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2ClipVertex</c>: a point of the incident edge during clipping, with its feature id.</summary>
public struct ClipVertex
{
    /// <summary>The point.</summary>
    public Vec2 V;
    /// <summary>Feature key (see <see cref="ManifoldPoint.Id"/>).</summary>
    public uint Id;

    /// <summary>
    /// <c>b2ClipSegmentToLine</c>: keeps the part of segment (in0, in1) behind the plane normal.x = offset; a
    /// point made by the cut gets the id (vertexIndexA, in0's indexB, vertex, face).
    /// </summary>
    public static int ClipSegmentToLine(out ClipVertex out0, out ClipVertex out1, in ClipVertex in0, in ClipVertex in1,
        Vec2 normal, float offset, int vertexIndexA)
    {
        out0 = default;
        out1 = default;
        int numOut = 0;
        float distance0 = Vec2.Dot(normal, in0.V) - offset;
        float distance1 = Vec2.Dot(normal, in1.V) - offset;
        if (distance0 <= 0f) Set(ref out0, ref out1, numOut++, in0);
        if (distance1 <= 0f) Set(ref out0, ref out1, numOut++, in1);
        if (distance0 * distance1 < 0f)
        {
            float interp = distance0 / (distance0 - distance1);
            var cut = new ClipVertex
            {
                V = in0.V + interp * (in1.V - in0.V),
                Id = ManifoldPoint.Key(vertexIndexA, (int)((in0.Id >> 8) & 0xFF), ManifoldPoint.Vertex, ManifoldPoint.Face),
            };
            Set(ref out0, ref out1, numOut++, cut);
        }
        return numOut;
    }

    private static void Set(ref ClipVertex out0, ref ClipVertex out1, int index, in ClipVertex value)
    {
        if (index == 0) out0 = value; else out1 = value;
    }
}
