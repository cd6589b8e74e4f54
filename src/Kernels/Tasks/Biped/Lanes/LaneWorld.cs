using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// The walker's Box2D world and env for one lane, as device code: the same operations in the same order as
/// the exact port (<see cref="BipedWalker"/>, <see cref="World"/>), with every mutable value in the lane's
/// state slots and everything constant in its episode data (<see cref="BipedLayout"/>). Structs, static data
/// and float only; trigonometry through <typeparamref name="TTrig"/>. <typeparamref name="T"/> is always
/// <see cref="FloatLane"/> at run time (the task has scalar physics); the views are copied by value, which
/// is right for the array- and buffer-backed states the backends give a task this large.
/// Comparisons are written so that ILGPU's PTX has only ordered ones (docs/ARCHITECTURE.md, rule 5): never
/// <c>a &lt;= b</c> or <c>a &gt;= b</c> (C# branches on their unordered negation) but <c>!(a &gt; b)</c>, and never a
/// constant on the left. That changes nothing for numbers; with a NaN it differs from Box2D, alike everywhere.
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

    // FloatLane holds exactly one float: the lane value as a float without any conversion.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float F(T value) => Unsafe.As<T, float>(ref value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float S(int slot) => F(State[slot]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Set(int slot, float value) => State[slot] = T.From(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SI(int slot) => (int)F(State[slot]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetI(int slot, int value) => State[slot] = T.From(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float E(int index) => F(Episode[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Rot RotOf(float angle) => default(TTrig).Rotation(angle);

    private static int B(int body) => StateBodies + body * StateBodyStride;
    private static int EB(int body) => Bodies + body * BodyStride;
    private static int J(int joint) => StateJoints + joint * StateJointStride;
    private static int EJ(int joint) => Joints + joint * JointStride;
    private static int C(int contact) => Contacts + contact * ContactStride;
    private static int EE(int edge) => Edges + edge * EdgeStride;

    // Joint bodies: hip 2s joins the hull (0) and upper leg 1 + 2s; knee 2s + 1 joins upper leg 1 + 2s and lower leg 2 + 2s.
    private static int JointBodyA(int joint) => (joint & 1) == 0 ? 0 : joint;
    private static int JointBodyB(int joint) => joint + 1;

    /// <summary>Observation <paramref name="index"/> of the last step.</summary>
    public float Observation(int index) => S(Observations + index);

    /// <summary>Contacts alive now.</summary>
    public int LiveContacts => SI(ContactCount);

    /// <summary>Pairs not made into contacts because the pool was full (0 in every recorded episode).</summary>
    public int ContactOverflows => SI(Overflows);

    /// <summary>Time-of-impact sub-steps so far.</summary>
    public int ToiSubSteps => SI(ToiEvents);

    /// <summary>The hull's origin.</summary>
    public Vec2 HullPosition => new(S(B(0) + Px), S(B(0) + Py));

    /// <summary>Dynamic body <paramref name="body"/>'s sweep centre, angle, velocity and angular velocity.</summary>
    public (Vec2 Center, float Angle, Vec2 Velocity, float AngularVelocity) BodyState(int body) =>
        (new Vec2(S(B(body) + Cx), S(B(body) + Cy)), S(B(body) + A), new Vec2(S(B(body) + Vx), S(B(body) + Vy)), S(B(body) + W));

    /// <summary>
    /// <c>reset()</c> on zeroed slots: the fresh world of the episode data (bodies as created, no contacts yet,
    /// every proxy waiting in the move buffer), the push on the hull, then the reset step with action 0.
    /// </summary>
    public void Reset()
    {
        for (int b = 0; b < BodyCount; b++)
        {
            int s = B(b), e = EB(b);
            Set(s + Px, E(e + BodyPx));
            Set(s + Py, E(e + BodyPy));
            Set(s + QSin, E(e + BodySin));
            Set(s + QCos, E(e + BodyCos));
            Set(s + Cx, E(e + BodyCx));
            Set(s + Cy, E(e + BodyCy));
            Set(s + C0x, E(e + BodyCx));
            Set(s + C0y, E(e + BodyCy));
            Set(s + A, E(e + BodyAngle));
            Set(s + A0, E(e + BodyAngle));
            Set(s + FatLowerX, E(e + BodyFatLowerX));
            Set(s + FatLowerY, E(e + BodyFatLowerY));
            Set(s + FatUpperX, E(e + BodyFatUpperX));
            Set(s + FatUpperY, E(e + BodyFatUpperY));
            SetI(s + BodyContacts, -1);
        }
        SetI(ContactHead, -1);
        Set(HullForceX, E(Push));
        for (int j = 0; j < JointCount; j++)
        {
            Set(J(j) + MotorSpeed, 0f);
            Set(J(j) + MaxMotorTorque, 0f);
        }
        EnvStep(0f);
    }

    /// <summary>Sets joint <paramref name="joint"/>'s motor (SetMotorSpeed, SetMaxMotorTorque; the bodies are always awake).</summary>
    public void SetMotor(int joint, float speed, float maxTorque)
    {
        Set(J(joint) + MotorSpeed, speed);
        Set(J(joint) + MaxMotorTorque, maxTorque);
    }

    /// <summary>
    /// The env's step after the motors are set: one <c>world.Step(1/50, 180, 60)</c>, the lidar, the 24
    /// observations and the reward (in float; the Python computed them in double), and the done rules.
    /// <paramref name="torqueCost"/> is the sum of 0.00035 x 80 x |action| clipped to 1 over the four actions.
    /// </summary>
    public float EnvStep(float torqueCost, out bool done)
    {
        WorldStep();
        int hull = B(0);
        float px = S(hull + Px), py = S(hull + Py);
        for (int i = 0; i < BipedConstants.LidarCount; i++)
            Set(Observations + 14 + i, RayCastTerrain(new Vec2(px, py), new Vec2(px + E(Lidar + 2 * i), py + E(Lidar + 2 * i + 1))));
        float angle = S(hull + A);
        Set(Observations + 0, angle);
        Set(Observations + 1, S(hull + W) * 0.04f);          // 2 w / FPS
        Set(Observations + 2, S(hull + Vx) * 0.12f);         // 0.3 vx (VIEWPORT_W / SCALE) / FPS
        Set(Observations + 3, S(hull + Vy) * 0.08f);         // 0.3 vy (VIEWPORT_H / SCALE) / FPS
        for (int side = 0; side < 2; side++)
        {
            int hip = 2 * side, knee = hip + 1, o = Observations + 4 + 5 * side;
            Set(o + 0, JointAngle(hip));
            Set(o + 1, JointSpeed(hip) * 0.25f);                // / SPEED_HIP
            Set(o + 2, JointAngle(knee) + 1f);
            Set(o + 3, JointSpeed(knee) / 6f);                  // / SPEED_KNEE
            Set(o + 4, S(side == 0 ? GroundContact1 : GroundContact3));
        }

        // shaping = 130 x / SCALE - 5 |angle|
        float shaping = px * 4.33333349f - 5f * MathF.Abs(angle);
        float reward = S(HasPrevShaping) > 0f ? shaping - S(PrevShaping) : 0f;
        Set(PrevShaping, shaping);
        Set(HasPrevShaping, 1f);
        reward -= torqueCost;

        int timer = SI(StepCounter);
        done = S(GameOver) > 0f || px < 0f || px > FinishX || timer >= BipedConstants.BipedLimit;
        SetI(StepCounter, timer + 1);
        return reward;
    }

    private void EnvStep(float torqueCost) => EnvStep(torqueCost, out _);

    /// <summary>The largest float not above the double (TERRAIN_LENGTH - TERRAIN_GRASS) x TERRAIN_STEP, so x &gt; it as floats is x &gt; it as doubles.</summary>
    public const float FinishX = 88.666664f;

    private float JointAngle(int joint) => S(B(JointBodyB(joint)) + A) - S(B(JointBodyA(joint)) + A) - E(EJ(joint) + JointReference);

    private float JointSpeed(int joint) => S(B(JointBodyB(joint)) + W) - S(B(JointBodyA(joint)) + W);

    /// <summary><c>b2World::Step(1/50, 180, 60)</c> with warm starting and continuous collision.</summary>
    private void WorldStep()
    {
        if (S(Started) == 0f)
        {
            FindNewContacts(allMoved: true);
            Set(Started, 1f);
        }
        const float dt = 1f / 50f;
        float invDt = 1f / dt;
        float dtRatio = S(InvDt0) * dt;
        Collide();
        Solve(dt, invDt, dtRatio);
        SolveToi(dt);
        Set(InvDt0, invDt);
        Set(HullForceX, 0f);
    }
}
