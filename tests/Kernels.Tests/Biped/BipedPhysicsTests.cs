using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The parts of the Box2D port that the recorded normal-terrain episodes do not reach: polygon-polygon contact, polygon ray casts, sleeping.</summary>
public sealed class BipedPhysicsTests
{
    [Fact]
    public void CollidePolygons_BoxRestingOnBox_GivesTheTopFaceOfAAndTheBottomCornersOfB()
    {
        PolygonShape ground = PolygonShape.Box(1f, 1f), box = PolygonShape.Box(0.5f, 0.5f);
        var manifold = new Manifold();
        PolygonCollider.Collide(manifold, ground, Transform.Identity, box, new Transform(new Vec2(0f, 1.495f), 0f));

        Assert.Equal(2, manifold.PointCount);
        Assert.Equal(ManifoldType.FaceA, manifold.Type);
        Assert.Equal(new Vec2(0f, 1f), manifold.LocalNormal);
        Assert.Equal(new Vec2(0f, 1f), manifold.LocalPoint);
        // Reference face 2 of A (the top); incident edge 0 of B (the bottom), its vertices 0 and 1.
        Assert.Equal(ManifoldPoint.Key(2, 0, ManifoldPoint.Face, ManifoldPoint.Vertex), manifold.Points[0].Id);
        Assert.Equal(ManifoldPoint.Key(2, 1, ManifoldPoint.Face, ManifoldPoint.Vertex), manifold.Points[1].Id);
        Assert.Equal(new Vec2(-0.5f, -0.5f), manifold.Points[0].LocalPoint);
        Assert.Equal(new Vec2(0.5f, -0.5f), manifold.Points[1].LocalPoint);
    }

    [Fact]
    public void CollidePolygons_SeparatedBoxes_GiveNoPoints()
    {
        var manifold = new Manifold();
        PolygonCollider.Collide(manifold, PolygonShape.Box(1f, 1f), Transform.Identity, PolygonShape.Box(0.5f, 0.5f),
            new Transform(new Vec2(0f, 1.8f), 0.3f));
        Assert.Equal(0, manifold.PointCount);
    }

    [Fact]
    public void DroppedBox_ComesToRestOnAStaticBox_AndFallsAsleep()
    {
        var world = new World(new Vec2(0f, -10f));
        world.Add(Body.CreatePolygon(0, BodyType.Static, Vec2.Zero, 0f, PolygonShape.Box(2f, 1f), 0f, 0.6f, 0x0001, 0xFFFF));
        Body box = world.Add(Body.CreatePolygon(1, new Vec2(0.3f, 3f), 0.2f, PolygonShape.Box(0.5f, 0.5f), 1f, 0.6f, 0x0001, 0xFFFF));

        for (int i = 0; i < 200; ++i) world.Step(1f / 50f, 8, 3);

        // Resting on the top face (y = 1): the polygons' skins (radius 0.01 each) touch, within Box2D's slop.
        float skin = 2 * Settings.PolygonRadius;
        Assert.InRange(box.Xf.P.Y, 1.5f + skin - 3 * Settings.LinearSlop, 1.5f + skin + Settings.LinearSlop);
        Assert.InRange(MathF.Abs(box.Sweep.A), 0f, 0.01f);
        Assert.Equal(1, world.Contacts.ContactCount);
        Contact contact = world.Contacts[world.Contacts.ContactList];
        Assert.True(contact.Touching);
        Assert.Equal(2, contact.Manifold.PointCount);
        Assert.False(box.Awake);
        Assert.Equal(0f, box.LinearVelocity.X);
        Assert.Equal(0f, box.LinearVelocity.Y);
    }

    [Fact]
    public void RayCastTerrain_HitsTheNearestGroundFixture_EdgeOrPolygon()
    {
        var world = new World(new Vec2(0f, -10f));
        world.Add(Body.CreateEdge(0, new EdgeShape(new Vec2(-5f, 0f), new Vec2(5f, 0f)), 1f, 0x0001, 0xFFFF));
        world.Add(Body.CreatePolygon(1, BodyType.Static, Vec2.Zero, 0f, PolygonShape.Box(1f, 1f), 0f, 1f, 0x0001, 0xFFFF));
        world.Add(Body.CreatePolygon(2, new Vec2(0f, 3f), 0f, PolygonShape.Box(0.2f, 0.2f), 1f, 1f, 0x0020, 0x0001));

        // Straight down through the walker-like body (skipped) onto the box top at y = 1.
        Assert.Equal(4f / 10f, world.RayCastTerrain(new Vec2(0f, 5f), new Vec2(0f, -5f)));
        // Beside the box: the edge at y = 0.
        Assert.Equal(5f / 10f, world.RayCastTerrain(new Vec2(3f, 5f), new Vec2(3f, -5f)));
        // Nothing below y = 2 reached.
        Assert.Equal(1f, world.RayCastTerrain(new Vec2(3f, 5f), new Vec2(3f, 2f)));
    }

    [Fact]
    public void StackedBoxes_TouchEachOther_UntilAJointBetweenThemFiltersTheirContact()
    {
        var world = new World(new Vec2(0f, -10f));
        world.Add(Body.CreatePolygon(0, BodyType.Static, Vec2.Zero, 0f, PolygonShape.Box(3f, 1f), 0f, 0.6f, 0x0001, 0xFFFF));
        Body lower = world.Add(Body.CreatePolygon(1, new Vec2(0f, 1.6f), 0f, PolygonShape.Box(0.5f, 0.5f), 1f, 0.6f, 0x0001, 0xFFFF));
        Body upper = world.Add(Body.CreatePolygon(2, new Vec2(0.1f, 2.7f), 0f, PolygonShape.Box(0.5f, 0.5f), 1f, 0.6f, 0x0001, 0xFFFF));
        for (int i = 0; i < 100; ++i) world.Step(1f / 50f, 8, 3);

        Assert.Equal(2, world.Contacts.ContactCount);
        Assert.InRange(upper.Xf.P.Y - lower.Xf.P.Y, 1f, 1f + 2 * Settings.PolygonRadius + Settings.LinearSlop);

        world.Add(new RevoluteJoint(lower, upper, new Vec2(0f, 0.5f), new Vec2(0f, -0.5f), 0f, false, 0f, 0f, false, 0f, 0f));
        world.Step(1f / 50f, 8, 3);
        Assert.Equal(1, world.Contacts.ContactCount);
        Contact left = world.Contacts[world.Contacts.ContactList];
        Assert.Same(lower, left.B);
    }
}
