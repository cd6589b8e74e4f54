using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// The walker's Box2D world and env as device code, written once over the lane type <typeparamref name="T"/>:
/// one lane per GPU thread and on the reference path (<see cref="FloatLane"/>), a SIMD vector of worlds at a
/// time on the CPU. It performs the exact port's operations (<see cref="BipedWalker"/>, <see cref="Physics.World"/>)
/// in the same order for every lane. Where Box2D branches on a lane's values (contacts, collision, time of
/// impact, iterations until converged) both sides are computed and each lane keeps its own through masks
/// (<see cref="ILane{T}.Select"/>); loops whose trip counts differ run until every lane is done, the finished
/// lanes masked. Every mutable value sits in the lane's state slots and everything constant in its episode
/// data (<see cref="BipedLayout"/>); the solvers hold their working sets in locals for a whole step.
/// Comparisons keep ILGPU's PTX ordered (docs/ARCHITECTURE.md, rule 5) and no expression chains two float
/// constants (rule 4).
/// </summary>
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
    where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> where TTrig : struct, ITrig
{
    /// <summary>The lane's state slots.</summary>
    public TState State;
    /// <summary>The lane's episode data.</summary>
    public TEpisode Episode;

    /// <summary>A world over a lane's state and episode views.</summary>
    public LaneWorld(TState state, TEpisode episode)
    {
        State = state;
        Episode = episode;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T S(int slot) => State[slot];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Set(int slot, T value) => State[slot] = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Set(int slot, T value, T mask) => State[slot] = T.Select(mask, value, State[slot]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T F(float value) => T.From(value);

    // A rotation is about 80 lane operations: compiled once on its own, so that RyuJIT's inlining limits (about 500
    // inlined calls a method) leave room for its callers' own operations.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Rot<T> RotOf(T angle) => default(TTrig).Rotation(angle);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly BodySlots<T, TState> Body(int body) => new(State, body, T.True);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly BodySlots<T, TState> Body(int body, T mask) => new(State, body, mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly BodySlotsAt<T, TState> BodyAt(T body, T mask) => new(State, body, mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly JointSlots<T, TState> Joint(int joint) => new(State, joint);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ContactSlots<T, TState> Contact(T contact, T mask) => new(State, contact, mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly IslandSlots<T, TState> IslandAt(int position, T mask) => new(State, position, mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly BodyModel<T, TEpisode> Model(int body) => BodyModel<T, TEpisode>.Of(Episode, body);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly BodyModel<T, TEpisode> ModelAt(T body) => BodyModel<T, TEpisode>.At(Episode, body);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly EdgeModel<T, TEpisode> EdgeAt(T edge) => new(Episode, edge);

    // Joint bodies: hip 2s joins the hull (0) and upper leg 1 + 2s; knee 2s + 1 joins upper leg 1 + 2s and lower leg 2 + 2s.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int JointBodyA(int joint) => (joint & 1) == 0 ? 0 : joint;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int JointBodyB(int joint) => joint + 1;

    /// <summary>Observation <paramref name="index"/> of the last step.</summary>
    public readonly T Observation(int index) => S(Observations + index);

    /// <summary>Contacts alive now.</summary>
    public readonly T LiveContacts => S(ContactCount);

    /// <summary>Pairs not made into contacts because the pool was full (0 in every recorded episode).</summary>
    public readonly T ContactOverflows => S(Overflows);

    /// <summary>Time-of-impact sub-steps so far.</summary>
    public readonly T ToiSubSteps => S(ToiEvents);

    /// <summary>The hull's origin.</summary>
    public readonly Vec2<T> HullPosition => Body(0).Transform.P;

    /// <summary>Dynamic body <paramref name="body"/>'s sweep centre, angle, velocity and angular velocity.</summary>
    public readonly (Vec2<T> Center, T Angle, Vec2<T> Velocity, T AngularVelocity) BodyState(int body)
    {
        var b = Body(body);
        return (b.C, b.A, b.V, b.W);
    }

    /// <summary>
    /// <c>reset()</c> on zeroed slots: the fresh world of the episode data (bodies as created, no contacts yet,
    /// every proxy waiting in the move buffer), the push on the hull, then the reset step with action 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Reset()
    {
        for (int b = 0; b < BodyCount; b++)
        {
            var body = Body(b);
            var model = Model(b);
            body.Transform = model.StartTransform;
            body.C = model.StartCenter;
            body.C0 = model.StartCenter;
            body.A = model.StartAngle;
            body.A0 = model.StartAngle;
            body.FatLower = model.StartFatLower;
            body.FatUpper = model.StartFatUpper;
            body.Contacts = F(-1f);
        }
        Set(ContactHead, F(-1f));
        Set(HullForceX, Episode[Push]);
        for (int j = 0; j < JointCount; j++) SetMotor(j, F(0f), F(0f));
        EnvStep(F(0f), T.True, out _);
    }

    /// <summary>Sets joint <paramref name="joint"/>'s motor (SetMotorSpeed, SetMaxMotorTorque; the bodies are always awake).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetMotor(int joint, T speed, T maxTorque)
    {
        var slots = Joint(joint);
        slots.MotorSpeed = speed;
        slots.MaxMotorTorque = maxTorque;
    }

    /// <summary>
    /// The env's step after the motors are set: one <c>world.Step(1/50, 180, 60)</c>, the lidar, the 24
    /// observations and the reward (in float; the Python computed them in double), and the done rules.
    /// <paramref name="torqueCost"/> is the sum of 0.00035 x 80 x |action| clipped to 1 over the four actions.
    /// <paramref name="done"/> is a mask. Lanes outside <paramref name="live"/> (an ended episode, a vector's padding)
    /// are stepped without contacts, time of impact or lidar: nothing reads them again, and their loops would
    /// hold up the vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public T EnvStep(T torqueCost, T live, out T done)
    {
        WorldStep(live);
        var hull = Body(0);
        Vec2<T> position = hull.Transform.P;
        for (int i = 0; i < BipedConstants.LidarCount; i++)
        {
            var end = new Vec2<T>(position.X + Episode.Shared(Lidar + 2 * i), position.Y + Episode.Shared(Lidar + 2 * i + 1));
            Set(Observations + 14 + i, RayCastTerrain(position, end, live));
        }
        T angle = hull.A;
        Set(Observations + 0, angle);
        Set(Observations + 1, hull.W * F(0.04f));         // 2 w / FPS
        Vec2<T> velocity = hull.V;
        Set(Observations + 2, velocity.X * F(0.12f));     // 0.3 vx (VIEWPORT_W / SCALE) / FPS
        Set(Observations + 3, velocity.Y * F(0.08f));     // 0.3 vy (VIEWPORT_H / SCALE) / FPS
        for (int side = 0; side < 2; side++)
        {
            int hip = 2 * side, knee = hip + 1, o = Observations + 4 + 5 * side;
            Set(o + 0, JointAngle(hip));
            Set(o + 1, JointSpeed(hip) * F(0.25f));               // / SPEED_HIP
            Set(o + 2, JointAngle(knee) + F(1f));
            Set(o + 3, JointSpeed(knee) / F(6f));                 // / SPEED_KNEE
            Set(o + 4, S(side == 0 ? GroundContact1 : GroundContact3));
        }

        // shaping = 130 x / SCALE - 5 |angle|
        T shaping = position.X * F(4.33333349f) - F(5f) * T.Abs(angle);
        T reward = T.Select(T.Greater(S(HasPrevShaping), F(0f)), shaping - S(PrevShaping), F(0f));
        Set(PrevShaping, shaping);
        Set(HasPrevShaping, F(1f));
        reward -= torqueCost;

        T timer = S(StepCounter);
        done = T.Or(T.Or(T.Greater(S(GameOver), F(0f)), T.Less(position.X, F(0f))),
                    T.Or(T.Greater(position.X, F(FinishX)), T.Not(T.Less(timer, F(BipedConstants.BipedLimit)))));
        Set(StepCounter, timer + F(1f));
        return reward;
    }

    /// <summary>The largest float not above the double (TERRAIN_LENGTH - TERRAIN_GRASS) x TERRAIN_STEP, so x &gt; it as floats is x &gt; it as doubles.</summary>
    public const float FinishX = 88.666664f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T JointAngle(int joint) =>
        Body(JointBodyB(joint)).A - Body(JointBodyA(joint)).A - Episode.Shared(Joints + joint * JointStride + JointReference);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T JointSpeed(int joint) => Body(JointBodyB(joint)).W - Body(JointBodyA(joint)).W;

    /// <summary><c>b2World::Step(1/50, 180, 60)</c> with warm starting and continuous collision.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WorldStep(T live)
    {
        T fresh = T.Equal(S(Started), F(0f));
        if (T.Any(fresh))
        {
            FindNewContacts(allMoved: fresh, mask: fresh);
            Set(Started, F(1f), fresh);
        }
        const float dt = 1f / 50f;
        const float invDt = 1f / dt;
        T dtRatio = S(InvDt0) * F(dt);
        Collide(live);
        Solve(dtRatio, live);
        SolveToi(live);
        Set(InvDt0, F(invDt));
        Set(HullForceX, F(0f));
    }
}
