using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// Host side: the episode data of the lane-generic walker (<see cref="BipedLayout"/>) for a terrain and a push.
/// The bodies, shapes, joints and fat AABBs are read from the exact port's freshly built world
/// (<see cref="BipedWalker.CreateBodies"/>), so both start from the same bits.
/// </summary>
public static class BipedEpisodeData
{
    /// <summary>Writes the data of <paramref name="terrain"/> with push <paramref name="initialForceX"/> into <paramref name="episode"/> (<see cref="EpisodeSize"/> floats).</summary>
    public static void Write(BipedTerrain terrain, double initialForceX, Span<float> episode)
    {
        if (episode.Length < EpisodeSize)
            throw new ArgumentException($"the walker's episode data needs {EpisodeSize} floats, got {episode.Length}", nameof(episode));
        if (terrain.Edges.Count > MaxEdges)
            throw new ArgumentException($"the lane-generic walker holds at most {MaxEdges} terrain edges, got {terrain.Edges.Count}", nameof(terrain));
        episode.Clear();
        var walker = new BipedWalker();
        walker.CreateBodies(terrain, initialForceX);
        episode[Push] = (float)initialForceX;
        episode[EdgeCount] = terrain.Edges.Count;
        episode[ShapeRadius] = Settings.PolygonRadius;
        for (int i = 0; i < BipedConstants.LidarCount; i++)
        {
            episode[Lidar + 2 * i] = (float)(Math.Sin(1.5 * i / 10.0) * BipedConstants.LidarRange);
            episode[Lidar + 2 * i + 1] = (float)(-Math.Cos(1.5 * i / 10.0) * BipedConstants.LidarRange);
        }

        for (int b = 0; b < BodyCount; b++)
        {
            Body body = b == 0 ? walker.Hull : walker.Legs[b - 1];
            Span<float> r = episode.Slice(Bodies + b * BodyStride, BodyStride);
            PolygonShape shape = body.Polygon!;
            r[BodyPx] = body.Xf.P.X;
            r[BodyPy] = body.Xf.P.Y;
            r[BodySin] = body.Xf.Q.S;
            r[BodyCos] = body.Xf.Q.C;
            r[BodyAngle] = body.Sweep.A;
            r[BodyCx] = body.Sweep.C.X;
            r[BodyCy] = body.Sweep.C.Y;
            r[BodyLocalCx] = body.Sweep.LocalCenter.X;
            r[BodyLocalCy] = body.Sweep.LocalCenter.Y;
            r[BodyInvMass] = body.InvMass;
            r[BodyInvI] = body.InvI;
            r[BodyVertexCount] = shape.Count;
            r[BodyCentroidX] = shape.Centroid.X;
            r[BodyCentroidY] = shape.Centroid.Y;
            r[BodyFatLowerX] = body.FatAabb.Lower.X;
            r[BodyFatLowerY] = body.FatAabb.Lower.Y;
            r[BodyFatUpperX] = body.FatAabb.Upper.X;
            r[BodyFatUpperY] = body.FatAabb.Upper.Y;
            r[BodyFriction] = body.Friction;
            if (shape.Count > MaxVertices) throw new InvalidOperationException($"body {b} has {shape.Count} vertices, more than {MaxVertices}");
            for (int i = 0; i < shape.Count; i++)
            {
                r[BodyVertices + 2 * i] = shape.Vertices[i].X;
                r[BodyVertices + 2 * i + 1] = shape.Vertices[i].Y;
                r[BodyNormals + 2 * i] = shape.Normals[i].X;
                r[BodyNormals + 2 * i + 1] = shape.Normals[i].Y;
            }
        }

        for (int j = 0; j < JointCount; j++)
        {
            RevoluteJoint joint = walker.Joints[j];
            Span<float> r = episode.Slice(Joints + j * JointStride, JointStride);
            r[JointAnchorAx] = joint.LocalAnchorA.X;
            r[JointAnchorAy] = joint.LocalAnchorA.Y;
            r[JointAnchorBx] = joint.LocalAnchorB.X;
            r[JointAnchorBy] = joint.LocalAnchorB.Y;
            r[JointReference] = joint.ReferenceAngle;
            r[JointLower] = joint.LowerAngle;
            r[JointUpper] = joint.UpperAngle;
        }

        // Terrain edges are created left to right, so creation order (Box2D's pair order) is already sorted by x.
        float maxUpper = float.NegativeInfinity, previousLower = float.NegativeInfinity;
        for (int e = 0; e < terrain.Edges.Count; e++)
        {
            Body edge = walker.World.Bodies[e];
            Span<float> r = episode.Slice(Edges + e * EdgeStride, EdgeStride);
            if (edge.FatAabb.Lower.X < previousLower)
                throw new ArgumentException($"terrain edge {e} starts left of edge {e - 1}: the lane-generic walker needs edges in x order", nameof(terrain));
            previousLower = edge.FatAabb.Lower.X;
            maxUpper = MathF.Max(maxUpper, edge.FatAabb.Upper.X);
            r[EdgeV1x] = edge.Edge.V1.X;
            r[EdgeV1y] = edge.Edge.V1.Y;
            r[EdgeV2x] = edge.Edge.V2.X;
            r[EdgeV2y] = edge.Edge.V2.Y;
            r[EdgeLowerX] = edge.FatAabb.Lower.X;
            r[EdgeLowerY] = edge.FatAabb.Lower.Y;
            r[EdgeUpperX] = edge.FatAabb.Upper.X;
            r[EdgeUpperY] = edge.FatAabb.Upper.Y;
            r[EdgeMaxUpperX] = maxUpper;
        }
    }

    /// <summary>An episode table of given terrains and pushes (recorded episodes), one repetition each.</summary>
    public static EpisodeTable Table(IReadOnlyList<(BipedTerrain Terrain, double InitialForceX)> episodes)
    {
        var values = new float[episodes.Count * EpisodeSize];
        for (int r = 0; r < episodes.Count; r++)
            Write(episodes[r].Terrain, episodes[r].InitialForceX, values.AsSpan(r * EpisodeSize, EpisodeSize));
        return EpisodeTable.FromValues(episodes.Count, EpisodeSize, values);
    }
}
