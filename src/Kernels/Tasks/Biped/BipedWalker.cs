using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.BipedConstants;

namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// gym's BipedalWalker-v2 as the WANN release modified it (normal terrain, no -100 fall penalty, at most 1600
/// steps) on the exact Box2D port: <see cref="Reset"/> builds a fresh world from a terrain and a push and
/// makes the reset step; <see cref="Step(ReadOnlySpan{double}, Span{double}, out double)"/> applies an action and returns 24 observations, reward and done.
/// Observation and reward arithmetic is double, on the float32 values Box2D holds, in the Python's order.
/// </summary>
public sealed class BipedWalker : IContactListener
{
    private static readonly double[] LidarSin = new double[LidarCount];
    private static readonly double[] LidarCos = new double[LidarCount];
    private static readonly double[] Speeds = [SpeedHip, SpeedKnee, SpeedHip, SpeedKnee];

    private World _world = null!;
    private Body _hull = null!;
    private readonly Body[] _legs = new Body[4];
    private readonly RevoluteJoint[] _joints = new RevoluteJoint[4];
    private readonly bool[] _groundContact = new bool[4];
    private bool _gameOver;
    private double _prevShaping;
    private bool _hasPrevShaping;
    private int _timer;

    static BipedWalker()
    {
        for (int i = 0; i < LidarCount; ++i)
        {
            LidarSin[i] = Math.Sin(1.5 * i / 10.0);
            LidarCos[i] = Math.Cos(1.5 * i / 10.0);
        }
    }

    /// <summary>The current world (rebuilt by every reset).</summary>
    public World World => _world;
    /// <summary>The hull body.</summary>
    public Body Hull => _hull;
    /// <summary>[upper leg 0, lower leg 1, upper leg 2, lower leg 3].</summary>
    public IReadOnlyList<Body> Legs => _legs;
    /// <summary>[hip 0, knee 0, hip 1, knee 1].</summary>
    public IReadOnlyList<RevoluteJoint> Joints => _joints;
    /// <summary>The hull body's origin (float32), which the reward uses.</summary>
    public Vec2 HullPosition => _hull.Xf.P;
    /// <summary>Whether the hull touched the ground.</summary>
    public bool GameOver => _gameOver;

    /// <summary>
    /// Builds the world (terrain edges, hull with the push, then each leg: upper leg, hip, lower leg, knee)
    /// and makes the reset step with action 0; writes the observation <c>reset()</c> returns.
    /// </summary>
    public void Reset(BipedTerrain terrain, double initialForceX, Span<double> observation)
    {
        CreateBodies(terrain, initialForceX);
        Span<double> zero = stackalloc double[ActionCount];
        Step(zero, observation);
    }

    /// <summary>Builds a fresh world in the original's creation order without stepping it (what model.json records).</summary>
    public void CreateBodies(BipedTerrain terrain, double initialForceX)
    {
        _world = new World(new Vec2(0f, -10f));
        _world.Contacts.Listener = this;
        _gameOver = false;
        _prevShaping = 0;
        _hasPrevShaping = false;
        _timer = 0;

        int id = 0;
        foreach (EdgeShape edge in terrain.Edges)
            _world.Add(Body.CreateEdge(id++, edge, Friction, 0x0001, 0xFFFF));

        Span<Vec2> hullPoints = stackalloc Vec2[HullPoly.Length];
        for (int k = 0; k < HullPoly.Length; ++k)
            hullPoints[k] = new Vec2((float)(HullPoly[k].X / Scale), (float)(HullPoly[k].Y / Scale));
        _hull = _world.Add(Body.CreatePolygon(id++, new Vec2((float)InitX, (float)InitY), 0f,
            PolygonShape.FromPoints(hullPoints), 5f, 0.1f, 0x0020, 0x0001));
        _hull.ApplyForceToCenter(new Vec2((float)initialForceX, 0f), true);

        for (int side = 0; side < 2; ++side)
        {
            int i = side == 0 ? -1 : 1;
            float angle = (float)(i * 0.05);
            Body upper = _world.Add(Body.CreatePolygon(id++, new Vec2((float)InitX, (float)(InitY - LegH / 2 - LegDown)), angle,
                PolygonShape.Box((float)(LegW / 2), (float)(LegH / 2)), 1f, 0.2f, 0x0020, 0x0001));
            // pybox2d's revoluteJointDef sets referenceAngle = bodyB.angle - bodyA.angle (double, stored as float).
            _joints[2 * side] = _world.Add(new RevoluteJoint(_hull, upper,
                new Vec2(0f, (float)LegDown), new Vec2(0f, (float)(LegH / 2)),
                (float)((double)upper.Sweep.A - _hull.Sweep.A),
                true, -0.8f, 1.1f, true, (float)MotorsTorque, i));
            Body lower = _world.Add(Body.CreatePolygon(id++, new Vec2((float)InitX, (float)(InitY - LegH * 3 / 2 - LegDown)), angle,
                PolygonShape.Box((float)(0.8 * LegW / 2), (float)(LegH / 2)), 1f, 0.2f, 0x0020, 0x0001));
            _joints[2 * side + 1] = _world.Add(new RevoluteJoint(upper, lower,
                new Vec2(0f, (float)(-LegH / 2)), new Vec2(0f, (float)(LegH / 2)),
                (float)((double)lower.Sweep.A - upper.Sweep.A),
                true, -1.6f, -0.1f, true, (float)MotorsTorque, 1f));
            _legs[2 * side] = upper;
            _legs[2 * side + 1] = lower;
            _groundContact[2 * side] = false;
            _groundContact[2 * side + 1] = false;
        }
    }

    /// <summary>
    /// One env step: motor speed from the sign and torque from the magnitude of each action, one
    /// <c>world.Step(1/50, 180, 60)</c>, then lidar, observation, reward and the done rules. Returns done.
    /// </summary>
    public bool Step(ReadOnlySpan<double> action, Span<double> observation, out double reward)
    {
        for (int k = 0; k < ActionCount; ++k)
        {
            _joints[k].SetMotorSpeed((float)(Speeds[k] * Sign(action[k])));
            _joints[k].SetMaxMotorTorque((float)(MotorsTorque * Clip01(action[k])));
        }
        _world.Step((float)(1.0 / Fps), VelocityIterations, PositionIterations);

        Vec2 pos = _hull.Xf.P;
        Vec2 vel = _hull.LinearVelocity;
        for (int i = 0; i < LidarCount; ++i)
        {
            var p2 = new Vec2((float)(pos.X + LidarSin[i] * LidarRange), (float)(pos.Y - LidarCos[i] * LidarRange));
            observation[14 + i] = _world.RayCastTerrain(pos, p2);
        }
        observation[0] = _hull.Sweep.A;
        observation[1] = 2.0 * _hull.AngularVelocity / Fps;
        observation[2] = 0.3 * vel.X * (ViewportW / Scale) / Fps;
        observation[3] = 0.3 * vel.Y * (ViewportH / Scale) / Fps;
        observation[4] = _joints[0].JointAngle;
        observation[5] = _joints[0].JointSpeed / SpeedHip;
        observation[6] = _joints[1].JointAngle + 1.0;
        observation[7] = _joints[1].JointSpeed / SpeedKnee;
        observation[8] = _groundContact[1] ? 1.0 : 0.0;
        observation[9] = _joints[2].JointAngle;
        observation[10] = _joints[2].JointSpeed / SpeedHip;
        observation[11] = _joints[3].JointAngle + 1.0;
        observation[12] = _joints[3].JointSpeed / SpeedKnee;
        observation[13] = _groundContact[3] ? 1.0 : 0.0;

        double shaping = 130 * (double)pos.X / Scale;
        shaping -= 5.0 * Math.Abs(observation[0]);
        reward = _hasPrevShaping ? shaping - _prevShaping : 0.0;
        _prevShaping = shaping;
        _hasPrevShaping = true;
        for (int k = 0; k < ActionCount; ++k) reward -= 0.00035 * MotorsTorque * Clip01(action[k]);

        bool done = _gameOver || pos.X < 0;
        if (pos.X > FinishX) done = true;
        if (_timer >= BipedLimit) done = true;
        _timer++;
        return done;
    }

    private void Step(ReadOnlySpan<double> action, Span<double> observation) => Step(action, observation, out _);

    // numpy's sign: 0 for 0 (and NaN gives 0 here rather than an exception).
    private static double Sign(double a) => a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0;

    private static double Clip01(double a) => Math.Min(Math.Max(Math.Abs(a), 0.0), 1.0);

    /// <inheritdoc/>
    void IContactListener.BeginContact(Contact contact)
    {
        if (contact.A == _hull || contact.B == _hull) _gameOver = true;
        for (int k = 1; k < 4; k += 2)
            if (contact.A == _legs[k] || contact.B == _legs[k]) _groundContact[k] = true;
    }

    /// <inheritdoc/>
    void IContactListener.EndContact(Contact contact)
    {
        for (int k = 1; k < 4; k += 2)
            if (contact.A == _legs[k] || contact.B == _legs[k]) _groundContact[k] = false;
    }
}
