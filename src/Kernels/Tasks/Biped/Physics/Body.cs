namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Body</c> with its one fixture and broad-phase proxy folded in (every walker body has exactly
/// one fixture). Terrain bodies hold an edge, the hull and legs a polygon. Follows Dynamics/b2Body.cpp/.h
/// (constructor, <c>ResetMassData</c>, <c>SynchronizeTransform</c>, <c>Advance</c>) and b2Fixture.cpp.
/// </summary>
public sealed class Body
{
    /// <summary>Creation index in the world; also orders broad-phase proxies (Box2D's proxy ids grow with creation).</summary>
    public int Id { get; }
    /// <summary>Static or dynamic.</summary>
    public BodyType Type { get; }
    /// <summary>The polygon fixture's shape, or null for an edge body.</summary>
    public PolygonShape? Polygon { get; }
    /// <summary>The edge fixture's shape (meaningful when <see cref="Polygon"/> is null).</summary>
    public EdgeShape Edge { get; }
    /// <summary>The shape as GJK sees it.</summary>
    public DistanceProxy Proxy { get; }
    /// <summary>Fixture friction, restitution and collision filter.</summary>
    public float Friction { get; }
    /// <summary>Fixture restitution.</summary>
    public float Restitution { get; }
    /// <summary>Filter category bits.</summary>
    public ushort CategoryBits { get; }
    /// <summary>Filter mask bits.</summary>
    public ushort MaskBits { get; }

    /// <summary>Motion over the current step.</summary>
    public Sweep Sweep;
    /// <summary>Body origin transform at the end of the sweep.</summary>
    public Transform Xf;
    /// <summary>Velocity of the centre of mass.</summary>
    public Vec2 LinearVelocity;
    /// <summary>Angular velocity.</summary>
    public float AngularVelocity;
    /// <summary>Accumulated force, cleared after each step.</summary>
    public Vec2 Force;
    /// <summary>Accumulated torque, cleared after each step.</summary>
    public float Torque;
    /// <summary>Mass properties.</summary>
    public float Mass, InvMass, Inertia, InvI;
    /// <summary>Time spent below the sleep tolerances.</summary>
    public float SleepTime;
    /// <summary>Whether the body is simulated.</summary>
    public bool Awake = true;
    /// <summary>Island bookkeeping (<c>e_islandFlag</c>, <c>m_islandIndex</c>).</summary>
    public bool IslandFlag;
    /// <summary>Index in the island being solved.</summary>
    public int IslandIndex;
    /// <summary>The broad-phase fat AABB.</summary>
    public Aabb FatAabb;
    /// <summary>Head of this body's contact list (a contact edge id, see <see cref="Contact"/>; -1 when empty).</summary>
    public int ContactList = -1;
    /// <summary>Joint edges in Box2D's list order (most recently created first).</summary>
    internal readonly List<(RevoluteJoint Joint, Body Other)> JointEdges = new(2);

    private Body(int id, BodyType type, Vec2 position, float angle, PolygonShape? polygon, EdgeShape edge,
        float friction, ushort categoryBits, ushort maskBits)
    {
        Id = id;
        Type = type;
        Polygon = polygon;
        Edge = edge;
        Friction = friction;
        Restitution = 0f;
        CategoryBits = categoryBits;
        MaskBits = maskBits;
        Proxy = polygon is not null
            ? new DistanceProxy(polygon.Vertices, polygon.Count, polygon.Radius)
            : new DistanceProxy([edge.V1, edge.V2], 2, edge.Radius);
        Xf = new Transform(position, angle);
        Sweep.LocalCenter = Vec2.Zero;
        Sweep.C0 = Xf.P;
        Sweep.C = Xf.P;
        Sweep.A0 = angle;
        Sweep.A = angle;
        Sweep.Alpha0 = 0f;
        if (type == BodyType.Dynamic) { Mass = 1f; InvMass = 1f; }
    }

    /// <summary>A static body at the origin with one edge fixture (the terrain).</summary>
    public static Body CreateEdge(int id, EdgeShape edge, float friction, ushort categoryBits, ushort maskBits)
    {
        var b = new Body(id, BodyType.Static, Vec2.Zero, 0f, null, edge, friction, categoryBits, maskBits);
        b.ResetMassData(0f);
        return b;
    }

    /// <summary>A dynamic body with one polygon fixture of the given density (<c>CreateBody</c> + <c>CreateFixture</c>).</summary>
    public static Body CreatePolygon(int id, Vec2 position, float angle, PolygonShape polygon, float density, float friction,
        ushort categoryBits, ushort maskBits) =>
        CreatePolygon(id, BodyType.Dynamic, position, angle, polygon, density, friction, categoryBits, maskBits);

    /// <summary>A body of the given type with one polygon fixture (static polygons are the hardcore terrain's stumps and stairs).</summary>
    public static Body CreatePolygon(int id, BodyType type, Vec2 position, float angle, PolygonShape polygon, float density, float friction,
        ushort categoryBits, ushort maskBits)
    {
        var b = new Body(id, type, position, angle, polygon, default, friction, categoryBits, maskBits);
        b.ResetMassData(density);
        return b;
    }

    /// <summary>The fixture shape's skin radius.</summary>
    public float Radius => Polygon?.Radius ?? Edge.Radius;

    /// <summary>The shape's AABB under a transform.</summary>
    public Aabb ComputeAabb(in Transform xf) => Polygon is not null ? Polygon.ComputeAabb(xf) : Edge.ComputeAabb(xf);

    /// <summary><c>b2Fixture::RayCast</c>: the shape's ray cast at the body's transform.</summary>
    public bool RayCast(Vec2 p1, Vec2 p2, float maxFraction, out float fraction) =>
        Polygon is not null ? Polygon.RayCast(p1, p2, maxFraction, Xf, out fraction) : Edge.RayCast(p1, p2, maxFraction, Xf, out fraction);

    // b2Body::ResetMassData for a body with one fixture.
    private void ResetMassData(float density)
    {
        Mass = 0f;
        InvMass = 0f;
        Inertia = 0f;
        InvI = 0f;
        Sweep.LocalCenter = Vec2.Zero;
        if (Type == BodyType.Static)
        {
            Sweep.C0 = Xf.P;
            Sweep.C = Xf.P;
            Sweep.A0 = Sweep.A;
            return;
        }
        Vec2 localCenter = Vec2.Zero;
        if (density != 0f)
        {
            MassData md = Polygon!.ComputeMass(density);
            Mass += md.Mass;
            localCenter += md.Mass * md.Center;
            Inertia += md.Inertia;
        }
        if (Mass > 0f)
        {
            InvMass = 1f / Mass;
            localCenter = InvMass * localCenter;
        }
        else
        {
            Mass = 1f;
            InvMass = 1f;
        }
        if (Inertia > 0f)
        {
            Inertia -= Mass * Vec2.Dot(localCenter, localCenter);
            InvI = 1f / Inertia;
        }
        else
        {
            Inertia = 0f;
            InvI = 0f;
        }
        Vec2 oldCenter = Sweep.C;
        Sweep.LocalCenter = localCenter;
        Sweep.C0 = Sweep.C = Transform.Mul(Xf, Sweep.LocalCenter);
        LinearVelocity += Vec2.Cross(AngularVelocity, Sweep.C - oldCenter);
    }

    /// <summary>Rotational inertia about the body origin (<c>b2Body::GetInertia</c>).</summary>
    public float InertiaAboutOrigin => Inertia + Mass * Vec2.Dot(Sweep.LocalCenter, Sweep.LocalCenter);

    /// <summary><c>b2Body::SetAwake</c>.</summary>
    public void SetAwake(bool flag)
    {
        if (flag)
        {
            if (!Awake) { Awake = true; SleepTime = 0f; }
        }
        else
        {
            Awake = false;
            SleepTime = 0f;
            LinearVelocity = Vec2.Zero;
            AngularVelocity = 0f;
            Force = Vec2.Zero;
            Torque = 0f;
        }
    }

    /// <summary><c>b2Body::ApplyForceToCenter</c>.</summary>
    public void ApplyForceToCenter(Vec2 force, bool wake)
    {
        if (Type != BodyType.Dynamic) return;
        if (wake && !Awake) SetAwake(true);
        if (Awake) Force += force;
    }

    /// <summary><c>b2Body::SynchronizeTransform</c>: the origin transform from the sweep's end.</summary>
    public void SynchronizeTransform()
    {
        Xf.Q = new Rot(Sweep.A);
        Xf.P = Sweep.C - Rot.Mul(Xf.Q, Sweep.LocalCenter);
    }

    /// <summary><c>b2Body::Advance</c>: moves the body to a safe time (does not touch the broad phase).</summary>
    public void Advance(float alpha)
    {
        Sweep.Advance(alpha);
        Sweep.C = Sweep.C0;
        Sweep.A = Sweep.A0;
        Xf.Q = new Rot(Sweep.A);
        Xf.P = Sweep.C - Rot.Mul(Xf.Q, Sweep.LocalCenter);
    }

    /// <summary><c>b2Body::ShouldCollide</c>: at least one body dynamic and no joint without collideConnected between them.</summary>
    public bool ShouldCollide(Body other)
    {
        if (Type != BodyType.Dynamic && other.Type != BodyType.Dynamic) return false;
        foreach (var (_, o) in JointEdges)
            if (o == other) return false; // the walker's joints all leave collideConnected false
        return true;
    }
}
