namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Island</c> (Dynamics/b2Island.cpp): bodies, contacts and joints connected through touching
/// contacts and joints, solved together. Arrays are sized once for the whole world.
/// </summary>
public sealed class Island
{
    /// <summary>Bodies in the order they were added.</summary>
    public readonly Body[] Bodies;
    /// <summary>Contacts in the order they were added.</summary>
    public readonly Contact[] Contacts;
    /// <summary>Joints in the order they were added.</summary>
    public readonly RevoluteJoint[] Joints;
    /// <summary>Counts in use.</summary>
    public int BodyCount, ContactCount, JointCount;
    /// <summary>Capacities (the TOI island uses smaller ones than the arrays hold).</summary>
    public int BodyCapacity, ContactCapacity;

    private readonly Position[] _positions;
    private readonly Velocity[] _velocities;
    private readonly ContactSolver _contactSolver;
    private readonly SolverData _solverData = new();

    /// <summary>An island able to hold the given numbers.</summary>
    public Island(int bodyCapacity, int contactCapacity, int jointCapacity)
    {
        Bodies = new Body[bodyCapacity];
        Contacts = new Contact[contactCapacity];
        Joints = new RevoluteJoint[jointCapacity];
        _positions = new Position[bodyCapacity];
        _velocities = new Velocity[bodyCapacity];
        _contactSolver = new ContactSolver(contactCapacity);
        _solverData.Positions = _positions;
        _solverData.Velocities = _velocities;
        BodyCapacity = bodyCapacity;
        ContactCapacity = contactCapacity;
    }

    /// <summary><c>b2Island::Clear</c>.</summary>
    public void Clear() { BodyCount = 0; ContactCount = 0; JointCount = 0; }

    /// <summary><c>b2Island::Add(body)</c>: records the body's island index.</summary>
    public void Add(Body body)
    {
        body.IslandIndex = BodyCount;
        Bodies[BodyCount++] = body;
    }

    /// <summary><c>b2Island::Add(contact)</c>.</summary>
    public void Add(Contact contact) => Contacts[ContactCount++] = contact;

    /// <summary><c>b2Island::Add(joint)</c>.</summary>
    public void Add(RevoluteJoint joint) => Joints[JointCount++] = joint;

    /// <summary>
    /// <c>b2Island::Solve</c>: integrate velocities (gravity, force; damping is zero), warm start, iterate the
    /// joints then the contacts, integrate positions with the translation and rotation clamps, iterate
    /// positions with the early exit, write back, and put the island to sleep when it has rested long enough.
    /// </summary>
    public void Solve(in TimeStep step, Vec2 gravity, bool allowSleep)
    {
        float h = step.Dt;
        for (int i = 0; i < BodyCount; ++i)
        {
            Body b = Bodies[i];
            Vec2 c = b.Sweep.C;
            float a = b.Sweep.A;
            Vec2 v = b.LinearVelocity;
            float w = b.AngularVelocity;
            // Store positions for continuous collision.
            b.Sweep.C0 = b.Sweep.C;
            b.Sweep.A0 = b.Sweep.A;
            if (b.Type == BodyType.Dynamic)
            {
                // Gravity scale 1; linear and angular damping 0 make Box2D's damping factors exactly 1.
                v += h * (1f * gravity + b.InvMass * b.Force);
                w += h * b.InvI * b.Torque;
            }
            _positions[i].C = c;
            _positions[i].A = a;
            _velocities[i].V = v;
            _velocities[i].W = w;
        }

        _solverData.Step = step;
        _contactSolver.Initialize(step, Contacts, ContactCount, _positions, _velocities);
        _contactSolver.InitializeVelocityConstraints();
        if (step.WarmStarting) _contactSolver.WarmStart();
        for (int i = 0; i < JointCount; ++i) Joints[i].InitVelocityConstraints(_solverData);

        for (int i = 0; i < step.VelocityIterations; ++i)
        {
            for (int j = 0; j < JointCount; ++j) Joints[j].SolveVelocityConstraints(_solverData);
            _contactSolver.SolveVelocityConstraints();
        }
        _contactSolver.StoreImpulses();

        Integrate(h, false);

        bool positionSolved = false;
        for (int i = 0; i < step.PositionIterations; ++i)
        {
            bool contactsOkay = _contactSolver.SolvePositionConstraints();
            bool jointsOkay = true;
            for (int j = 0; j < JointCount; ++j)
            {
                bool jointOkay = Joints[j].SolvePositionConstraints(_solverData);
                jointsOkay = jointsOkay && jointOkay;
            }
            if (contactsOkay && jointsOkay)
            {
                // Exit early if the position errors are small.
                positionSolved = true;
                break;
            }
        }

        for (int i = 0; i < BodyCount; ++i)
        {
            Body body = Bodies[i];
            body.Sweep.C = _positions[i].C;
            body.Sweep.A = _positions[i].A;
            body.LinearVelocity = _velocities[i].V;
            body.AngularVelocity = _velocities[i].W;
            body.SynchronizeTransform();
        }

        if (allowSleep)
        {
            float minSleepTime = Settings.MaxFloat;
            float linTolSqr = Settings.LinearSleepTolerance * Settings.LinearSleepTolerance;
            float angTolSqr = Settings.AngularSleepTolerance * Settings.AngularSleepTolerance;
            for (int i = 0; i < BodyCount; ++i)
            {
                Body b = Bodies[i];
                if (b.Type == BodyType.Static) continue;
                if (b.AngularVelocity * b.AngularVelocity > angTolSqr || Vec2.Dot(b.LinearVelocity, b.LinearVelocity) > linTolSqr)
                {
                    b.SleepTime = 0f;
                    minSleepTime = 0f;
                }
                else
                {
                    b.SleepTime += h;
                    minSleepTime = minSleepTime < b.SleepTime ? minSleepTime : b.SleepTime;
                }
            }
            if (minSleepTime >= Settings.TimeToSleep && positionSolved)
                for (int i = 0; i < BodyCount; ++i) Bodies[i].SetAwake(false);
        }
    }

    /// <summary>
    /// <c>b2Island::SolveTOI</c>: position correction moving only the two TOI bodies, then a velocity solve
    /// without warm starting over the remaining fraction of the step.
    /// </summary>
    public void SolveToi(in TimeStep subStep, int toiIndexA, int toiIndexB)
    {
        for (int i = 0; i < BodyCount; ++i)
        {
            Body b = Bodies[i];
            _positions[i].C = b.Sweep.C;
            _positions[i].A = b.Sweep.A;
            _velocities[i].V = b.LinearVelocity;
            _velocities[i].W = b.AngularVelocity;
        }
        _contactSolver.Initialize(subStep, Contacts, ContactCount, _positions, _velocities);
        for (int i = 0; i < subStep.PositionIterations; ++i)
            if (_contactSolver.SolveToiPositionConstraints(toiIndexA, toiIndexB)) break;

        // Leap of faith to the new safe state.
        Bodies[toiIndexA].Sweep.C0 = _positions[toiIndexA].C;
        Bodies[toiIndexA].Sweep.A0 = _positions[toiIndexA].A;
        Bodies[toiIndexB].Sweep.C0 = _positions[toiIndexB].C;
        Bodies[toiIndexB].Sweep.A0 = _positions[toiIndexB].A;

        _contactSolver.InitializeVelocityConstraints();
        for (int i = 0; i < subStep.VelocityIterations; ++i) _contactSolver.SolveVelocityConstraints();

        Integrate(subStep.Dt, true);
    }

    // Position integration with Box2D's per-step translation and rotation clamps; the TOI form also writes
    // each body back at once.
    private void Integrate(float h, bool writeBack)
    {
        for (int i = 0; i < BodyCount; ++i)
        {
            Vec2 c = _positions[i].C;
            float a = _positions[i].A;
            Vec2 v = _velocities[i].V;
            float w = _velocities[i].W;
            Vec2 translation = h * v;
            if (Vec2.Dot(translation, translation) > Settings.MaxTranslationSquared)
            {
                float ratio = Settings.MaxTranslation / translation.Length();
                v = ratio * v;
            }
            float rotation = h * w;
            if (rotation * rotation > Settings.MaxRotationSquared)
            {
                float ratio = Settings.MaxRotation / (rotation > 0f ? rotation : -rotation);
                w *= ratio;
            }
            c += h * v;
            a += h * w;
            _positions[i].C = c;
            _positions[i].A = a;
            _velocities[i].V = v;
            _velocities[i].W = w;
            if (writeBack)
            {
                Body body = Bodies[i];
                body.Sweep.C = c;
                body.Sweep.A = a;
                body.LinearVelocity = v;
                body.AngularVelocity = w;
                body.SynchronizeTransform();
            }
        }
    }
}
