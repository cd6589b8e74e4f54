namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2World</c> (Dynamics/b2World.cpp) for the walker's scene: creation in order, <c>Step</c>
/// (new contacts, collide, island solve, continuous collision with <c>SolveTOI</c>, clear forces) and the
/// terrain ray cast. Sleeping, warm starting and continuous physics are on, sub-stepping off. Everything is
/// allocated when the world is built; a step allocates nothing.
/// </summary>
public sealed class World
{
    private readonly List<Body> _bodies = new();
    private readonly List<RevoluteJoint> _joints = new();
    private readonly TimeOfImpact _toi = new();
    private Island? _island;
    private Island? _toiIsland;
    private Body[] _stack = [];
    private bool _newFixture;
    private float _invDt0;
    private bool _stepComplete = true;

    /// <summary>Gravity.</summary>
    public Vec2 Gravity { get; }
    /// <summary>The contacts.</summary>
    public ContactManager Contacts { get; }
    /// <summary>Bodies in creation order.</summary>
    public IReadOnlyList<Body> Bodies => _bodies;
    /// <summary>Number of TOI sub-steps performed so far (a diagnostic; the recording's tool counted the same events).</summary>
    public long ToiEvents { get; private set; }

    /// <summary>
    /// An empty world. <paramref name="contactCapacity"/> bounds the contacts alive at once (the walker's 12
    /// recorded episodes peak far below the default; a body's fat AABB can reach about 15 terrain edges).
    /// </summary>
    public World(Vec2 gravity, int contactCapacity = 256)
    {
        Gravity = gravity;
        Contacts = new ContactManager(contactCapacity);
    }

    /// <summary>Adds a body made with <c>Body.CreateEdge</c> or <c>Body.CreatePolygon</c> (its id must be the next index).</summary>
    public Body Add(Body body)
    {
        if (body.Id != _bodies.Count) throw new ArgumentException($"body id {body.Id} is not the next index {_bodies.Count}", nameof(body));
        _bodies.Add(body);
        Contacts.BroadPhase.CreateProxy(body);
        _newFixture = true;
        _island = null;
        return body;
    }

    /// <summary>
    /// <c>CreateJoint</c>: prepends the joint to both bodies' joint lists and flags their existing contacts
    /// for filtering (the joint does not collide its bodies).
    /// </summary>
    public RevoluteJoint Add(RevoluteJoint joint)
    {
        _joints.Add(joint);
        joint.BodyA.JointEdges.Insert(0, (joint, joint.BodyB));
        joint.BodyB.JointEdges.Insert(0, (joint, joint.BodyA));
        for (int e = joint.BodyB.ContactList; e != -1; e = Contacts.NextEdge(e))
            if (Contacts.EdgeOther(e) == joint.BodyA) Contacts.EdgeContact(e).FilterFlag = true;
        _island = null;
        return joint;
    }

    /// <summary><c>b2World::Step</c>.</summary>
    public void Step(float dt, int velocityIterations, int positionIterations)
    {
        EnsureIslands();
        if (_newFixture)
        {
            Contacts.FindNewContacts();
            _newFixture = false;
        }
        TimeStep step;
        step.Dt = dt;
        step.VelocityIterations = velocityIterations;
        step.PositionIterations = positionIterations;
        step.InvDt = dt > 0f ? 1f / dt : 0f;
        step.DtRatio = _invDt0 * dt;
        step.WarmStarting = true;

        Contacts.Collide();
        if (_stepComplete && step.Dt > 0f) Solve(step);
        if (step.Dt > 0f) SolveToi(step);
        if (step.Dt > 0f) _invDt0 = step.InvDt;
        foreach (Body body in _bodies)
        {
            body.Force = Vec2.Zero;
            body.Torque = 0f;
        }
    }

    private void EnsureIslands()
    {
        if (_island is not null) return;
        _island = new Island(_bodies.Count, Contacts.Capacity, Math.Max(1, _joints.Count));
        _toiIsland = new Island(2 * Settings.MaxToiContacts, Settings.MaxToiContacts, 1) { BodyCapacity = 2 * Settings.MaxToiContacts };
        _stack = new Body[_bodies.Count];
    }

    // b2World::Solve: islands by depth-first search from each awake dynamic body in body-list order (the
    // most recently created first), then broad-phase synchronisation and new contacts.
    private void Solve(in TimeStep step)
    {
        Island island = _island!;
        foreach (Body b in _bodies) b.IslandFlag = false;
        for (int ci = Contacts.ContactList; ci != -1; ci = Contacts[ci].Next) Contacts[ci].IslandFlag = false;
        foreach (RevoluteJoint j in _joints) j.IslandFlag = false;

        for (int s = _bodies.Count - 1; s >= 0; --s)
        {
            Body seed = _bodies[s];
            if (seed.IslandFlag) continue;
            if (!seed.Awake) continue;
            if (seed.Type == BodyType.Static) continue;

            island.Clear();
            int stackCount = 0;
            _stack[stackCount++] = seed;
            seed.IslandFlag = true;
            while (stackCount > 0)
            {
                Body b = _stack[--stackCount];
                island.Add(b);
                b.SetAwake(true);
                // Islands do not propagate across static bodies.
                if (b.Type == BodyType.Static) continue;

                for (int e = b.ContactList; e != -1; e = Contacts.NextEdge(e))
                {
                    Contact contact = Contacts.EdgeContact(e);
                    if (contact.IslandFlag) continue;
                    if (!contact.Enabled || !contact.Touching) continue;
                    island.Add(contact);
                    contact.IslandFlag = true;
                    Body other = Contacts.EdgeOther(e);
                    if (other.IslandFlag) continue;
                    _stack[stackCount++] = other;
                    other.IslandFlag = true;
                }
                foreach (var (joint, other) in b.JointEdges)
                {
                    if (joint.IslandFlag) continue;
                    island.Add(joint);
                    joint.IslandFlag = true;
                    if (other.IslandFlag) continue;
                    _stack[stackCount++] = other;
                    other.IslandFlag = true;
                }
            }

            island.Solve(step, Gravity, allowSleep: true);

            // Let static bodies take part in other islands.
            for (int i = 0; i < island.BodyCount; ++i)
                if (island.Bodies[i].Type == BodyType.Static) island.Bodies[i].IslandFlag = false;
        }

        for (int s = _bodies.Count - 1; s >= 0; --s)
        {
            Body b = _bodies[s];
            if (!b.IslandFlag) continue;
            if (b.Type == BodyType.Static) continue;
            SynchronizeFixtures(b);
        }
        Contacts.FindNewContacts();
    }

    // b2Body::SynchronizeFixtures: sweep the AABB from the start of the step (c0, a0) to the end.
    private void SynchronizeFixtures(Body b)
    {
        Transform xf1;
        xf1.Q = new Rot(b.Sweep.A0);
        xf1.P = b.Sweep.C0 - Rot.Mul(xf1.Q, b.Sweep.LocalCenter);
        Contacts.BroadPhase.Synchronize(b, xf1);
    }

    // b2World::SolveTOI: repeatedly find the earliest time of impact among dynamic-vs-static contacts,
    // advance the pair there, and solve a small island of the pair and its touching static contacts.
    private void SolveToi(in TimeStep step)
    {
        Island island = _toiIsland!;
        if (_stepComplete)
        {
            foreach (Body b in _bodies)
            {
                b.IslandFlag = false;
                b.Sweep.Alpha0 = 0f;
            }
            for (int ci = Contacts.ContactList; ci != -1; ci = Contacts[ci].Next)
            {
                Contact c = Contacts[ci];
                c.ToiFlag = false;
                c.IslandFlag = false;
                c.ToiCount = 0;
                c.Toi = 1f;
            }
        }

        for (;;)
        {
            // Find the first TOI.
            Contact? minContact = null;
            float minAlpha = 1f;
            for (int ci = Contacts.ContactList; ci != -1; ci = Contacts[ci].Next)
            {
                Contact c = Contacts[ci];
                if (!c.Enabled) continue;
                if (c.ToiCount > Settings.MaxSubSteps) continue;
                float alpha;
                if (c.ToiFlag)
                {
                    alpha = c.Toi;
                }
                else
                {
                    Body bA = c.A, bB = c.B;
                    bool activeA = bA.Awake && bA.Type != BodyType.Static;
                    bool activeB = bB.Awake && bB.Type != BodyType.Static;
                    if (!activeA && !activeB) continue;
                    // Only pairs with a non-dynamic body (no bullets here).
                    bool collideA = bA.Type != BodyType.Dynamic;
                    bool collideB = bB.Type != BodyType.Dynamic;
                    if (!collideA && !collideB) continue;

                    // Put the sweeps onto the same time interval.
                    float alpha0 = bA.Sweep.Alpha0;
                    if (bA.Sweep.Alpha0 < bB.Sweep.Alpha0)
                    {
                        alpha0 = bB.Sweep.Alpha0;
                        bA.Sweep.Advance(alpha0);
                    }
                    else if (bB.Sweep.Alpha0 < bA.Sweep.Alpha0)
                    {
                        alpha0 = bA.Sweep.Alpha0;
                        bB.Sweep.Advance(alpha0);
                    }

                    ToiState state = _toi.Compute(bA.Proxy, bA.Sweep, bB.Proxy, bB.Sweep, 1f, out float beta);
                    if (state == ToiState.Touching)
                    {
                        float a = alpha0 + (1f - alpha0) * beta;
                        alpha = a < 1f ? a : 1f;
                    }
                    else
                    {
                        alpha = 1f;
                    }
                    c.Toi = alpha;
                    c.ToiFlag = true;
                }
                if (alpha < minAlpha)
                {
                    minContact = c;
                    minAlpha = alpha;
                }
            }

            if (minContact is null || 1f - 10f * Settings.Epsilon < minAlpha)
            {
                _stepComplete = true;
                break;
            }

            // Advance the bodies to the TOI.
            {
                Body bA = minContact.A, bB = minContact.B;
                Sweep backup1 = bA.Sweep;
                Sweep backup2 = bB.Sweep;
                bA.Advance(minAlpha);
                bB.Advance(minAlpha);

                // The TOI contact likely has some new contact points.
                Contacts.Update(minContact);
                minContact.ToiFlag = false;
                ++minContact.ToiCount;
                ++ToiEvents;

                if (!minContact.Enabled || !minContact.Touching)
                {
                    // Restore the sweeps.
                    minContact.Enabled = false;
                    bA.Sweep = backup1;
                    bB.Sweep = backup2;
                    bA.SynchronizeTransform();
                    bB.SynchronizeTransform();
                    continue;
                }

                bA.SetAwake(true);
                bB.SetAwake(true);

                island.Clear();
                island.Add(bA);
                island.Add(bB);
                island.Add(minContact);
                bA.IslandFlag = true;
                bB.IslandFlag = true;
                minContact.IslandFlag = true;

                // Get the contacts on body A and body B.
                for (int k = 0; k < 2; ++k)
                {
                    Body body = k == 0 ? bA : bB;
                    if (body.Type != BodyType.Dynamic) continue;
                    for (int e = body.ContactList; e != -1; e = Contacts.NextEdge(e))
                    {
                        if (island.BodyCount == island.BodyCapacity) break;
                        if (island.ContactCount == island.ContactCapacity) break;
                        Contact contact = Contacts.EdgeContact(e);
                        if (contact.IslandFlag) continue;
                        Body other = Contacts.EdgeOther(e);
                        // Only static (or bullet) others.
                        if (other.Type == BodyType.Dynamic) continue;

                        // Tentatively advance the body to the TOI.
                        Sweep backup = other.Sweep;
                        if (!other.IslandFlag) other.Advance(minAlpha);

                        Contacts.Update(contact);
                        if (!contact.Enabled || !contact.Touching)
                        {
                            other.Sweep = backup;
                            other.SynchronizeTransform();
                            continue;
                        }
                        contact.IslandFlag = true;
                        island.Add(contact);
                        if (other.IslandFlag) continue;
                        other.IslandFlag = true;
                        if (other.Type != BodyType.Static) other.SetAwake(true);
                        island.Add(other);
                    }
                }

                TimeStep subStep;
                subStep.Dt = (1f - minAlpha) * step.Dt;
                subStep.InvDt = 1f / subStep.Dt;
                subStep.DtRatio = 1f;
                subStep.PositionIterations = 20;
                subStep.VelocityIterations = step.VelocityIterations;
                subStep.WarmStarting = false;
                island.SolveToi(subStep, bA.IslandIndex, bB.IslandIndex);

                // Reset island flags and synchronise the broad phase.
                for (int i = 0; i < island.BodyCount; ++i)
                {
                    Body body = island.Bodies[i];
                    body.IslandFlag = false;
                    if (body.Type != BodyType.Dynamic) continue;
                    SynchronizeFixtures(body);
                    // Invalidate all contact TOIs on this displaced body.
                    for (int e = body.ContactList; e != -1; e = Contacts.NextEdge(e))
                    {
                        Contacts.EdgeContact(e).ToiFlag = false;
                        Contacts.EdgeContact(e).IslandFlag = false;
                    }
                }

                // New contacts, and maybe destroyed ones.
                Contacts.FindNewContacts();
            }
        }
    }

    /// <summary>
    /// The walker's lidar through <c>b2World::RayCast</c>: the fraction along p1..p2 of the ground fixture
    /// (category bit 1: terrain edges and polygons) the ray hits, 1 when none. Box2D reports the first
    /// fixture its tree reaches and the callback stops there; in every recorded ray that fixture was also
    /// the nearest, which is what this returns. Other fixtures (the walker itself) are skipped, as the
    /// callback's "return 1" does; only static fixtures are considered (the walker's ground is static).
    /// </summary>
    public float RayCastTerrain(Vec2 p1, Vec2 p2)
    {
        float best = 1f;
        bool hit = false;
        Aabb segment = new() { Lower = Vec2.Min(p1, p2), Upper = Vec2.Max(p1, p2) };
        foreach (Body b in Contacts.BroadPhase.StaticWindow(segment.Lower.X, segment.Upper.X))
        {
            if ((b.CategoryBits & 1) == 0) continue;
            if (!Aabb.Overlap(segment, b.FatAabb)) continue;
            if (b.RayCast(p1, p2, 1f, out float fraction) && (!hit || fraction < best))
            {
                best = fraction;
                hit = true;
            }
        }
        return best;
    }
}
