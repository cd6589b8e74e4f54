using System.Text.Json;
using Wann.Kernels.Tasks.Biped;
using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The walker's bodies, fixtures and joints after reset against model.json (read back from pybox2d 2.3.10).</summary>
public sealed class BipedModelTests
{
    private static readonly string[] BodyNames = ["hull", "upperLeg0", "lowerLeg1", "upperLeg2", "lowerLeg3"];

    [Fact]
    public void CreatedBodiesAndJoints_MatchModelJson_BitForBit()
    {
        using JsonDocument doc = GoldenEpisode.OpenJson("model.json.gz");
        JsonElement model = doc.RootElement;
        BipedRecordedEpisode episode = GoldenEpisode.Load("random_seed10");
        var walker = new BipedWalker();
        walker.CreateBodies(episode.Terrain, episode.InitialForceX);

        Assert.Equal(model.GetProperty("world").GetProperty("bodyCountAfterReset").GetInt32(), walker.World.Bodies.Count);
        Assert.Equal(model.GetProperty("world").GetProperty("jointCountAfterReset").GetInt32(), walker.Joints.Count);

        Body[] bodies = [walker.Hull, .. walker.Legs];
        JsonElement[] expected = model.GetProperty("bodies").EnumerateArray().ToArray();
        Assert.Equal(bodies.Length, expected.Length);
        for (int b = 0; b < bodies.Length; ++b)
            AssertBody(BodyNames[b], expected[b], bodies[b]);
        AssertBody("terrain edge 0", model.GetProperty("terrainFirstEdge"), walker.World.Bodies[0]);

        JsonElement[] joints = model.GetProperty("joints").EnumerateArray().ToArray();
        for (int j = 0; j < joints.Length; ++j)
        {
            JsonElement e = joints[j];
            RevoluteJoint joint = walker.Joints[j];
            string what = $"joint {j}";
            Assert.Equal(BodyNames[Array.IndexOf(bodies, joint.BodyA)], e.GetProperty("bodyA").GetString());
            Assert.Equal(BodyNames[Array.IndexOf(bodies, joint.BodyB)], e.GetProperty("bodyB").GetString());
            AssertVec(what + " localAnchorA", e.GetProperty("localAnchorA"), joint.LocalAnchorA);
            AssertVec(what + " localAnchorB", e.GetProperty("localAnchorB"), joint.LocalAnchorB);
            AssertFloat(what + " referenceAngle", e.GetProperty("referenceAngle"), joint.ReferenceAngle);
            AssertFloat(what + " lowerAngle", e.GetProperty("lowerAngle"), joint.LowerAngle);
            AssertFloat(what + " upperAngle", e.GetProperty("upperAngle"), joint.UpperAngle);
            AssertFloat(what + " motorSpeed", e.GetProperty("motorSpeedAtCreation"), joint.MotorSpeed);
            AssertFloat(what + " maxMotorTorque", e.GetProperty("maxMotorTorqueAtCreation"), joint.MaxMotorTorque);
            AssertFloat(what + " jointAngle", e.GetProperty("jointAngleAtCreation"), joint.JointAngle);
        }
    }

    [Fact]
    public void LidarDirections_MatchModelJson()
    {
        using JsonDocument doc = GoldenEpisode.OpenJson("model.json.gz");
        foreach (JsonElement ray in doc.RootElement.GetProperty("lidar").EnumerateArray())
        {
            int i = ray.GetProperty("i").GetInt32();
            Assert.Equal(ray.GetProperty("sin").GetDouble(), Math.Sin(1.5 * i / 10.0));
            Assert.Equal(ray.GetProperty("cos").GetDouble(), Math.Cos(1.5 * i / 10.0));
        }
    }

    private static void AssertBody(string name, JsonElement e, Body body)
    {
        AssertVec(name + " position", e.GetProperty("position"), body.Xf.P);
        AssertFloat(name + " angle", e.GetProperty("angle"), body.Sweep.A);
        AssertFloat(name + " mass", e.GetProperty("mass"), body.Type == BodyType.Static ? 0f : body.Mass);
        AssertFloat(name + " inertia", e.GetProperty("inertiaAboutOrigin"), body.InertiaAboutOrigin);
        AssertVec(name + " localCenter", e.GetProperty("localCenter"), body.Sweep.LocalCenter);
        Assert.Equal(e.GetProperty("type").GetString(), body.Type == BodyType.Static ? "static" : "dynamic");
        JsonElement f = e.GetProperty("fixtures")[0];
        AssertFloat(name + " friction", f.GetProperty("friction"), body.Friction);
        AssertFloat(name + " restitution", f.GetProperty("restitution"), body.Restitution);
        Assert.Equal(f.GetProperty("categoryBits").GetInt32(), body.CategoryBits);
        Assert.Equal(f.GetProperty("maskBits").GetInt32(), body.MaskBits);
        if (body.Polygon is { } polygon)
        {
            AssertFloat(name + " radius", f.GetProperty("radius"), polygon.Radius);
            JsonElement[] vertices = f.GetProperty("vertices").EnumerateArray().ToArray();
            JsonElement[] normals = f.GetProperty("normals").EnumerateArray().ToArray();
            Assert.Equal(vertices.Length, polygon.Count);
            for (int i = 0; i < polygon.Count; ++i)
            {
                AssertVec($"{name} vertex {i}", vertices[i], polygon.Vertices[i]);
                AssertVec($"{name} normal {i}", normals[i], polygon.Normals[i]);
            }
            AssertVec(name + " centroid", f.GetProperty("centroid"), polygon.Centroid);
        }
        else
        {
            AssertFloat(name + " radius", f.GetProperty("radius"), body.Edge.Radius);
            AssertVec(name + " vertex 1", f.GetProperty("vertices")[0], body.Edge.V1);
            AssertVec(name + " vertex 2", f.GetProperty("vertices")[1], body.Edge.V2);
        }
    }

    // JSON holds the exact double of each float32; compare bits (so that -0 and 0 differ too, except where
    // Python's repr wrote a float32 -0.0 as "-0.0", which parses back to -0).
    private static void AssertFloat(string what, JsonElement e, float actual)
    {
        double expected = e.GetDouble();
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}: {actual:R}, model.json {expected:R}");
    }

    private static void AssertVec(string what, JsonElement e, Vec2 actual)
    {
        AssertFloat(what + ".x", e[0], actual.X);
        AssertFloat(what + ".y", e[1], actual.Y);
    }
}
