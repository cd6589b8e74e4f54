namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// Where the lane-generic walker keeps things: its episode data (the static world, written once on the host)
/// and its state slots (the dynamic world, zero before <c>Reset</c>). Indices stored in slots are floats
/// (exact below 2^24); -1 means none.
/// </summary>
public static class BipedLayout
{
    /// <summary>Dynamic bodies: hull, upper leg 0, lower leg 0, upper leg 1, lower leg 1 (creation order, so Box2D's proxy order).</summary>
    public const int BodyCount = 5;
    /// <summary>Joints: hip 0, knee 0, hip 1, knee 1.</summary>
    public const int JointCount = 4;
    /// <summary>Terrain edges (the generator's 200 points make 199).</summary>
    public const int MaxEdges = BipedConstants.TerrainLength - 1;
    /// <summary>Most vertices of a walker polygon (the hull has 5).</summary>
    public const int MaxVertices = 5;
    /// <summary>
    /// Contacts alive at once. The 12 recorded episodes peak at 27; a pair found when the pool is full is not
    /// created (that leg passes through that edge) and <see cref="Overflows"/> counts it.
    /// </summary>
    public const int ContactCapacity = 48;
    /// <summary>Box2D's b2_maxTOIContacts: the most contacts in a time-of-impact island.</summary>
    public const int MaxToiContacts = 32;

    // ---- Episode data ----
    /// <summary>The horizontal push on the hull during the reset step.</summary>
    public const int Push = 0;
    /// <summary>Number of terrain edges.</summary>
    public const int EdgeCount = 1;
    /// <summary>
    /// b2_polygonRadius, the skin radius of every walker shape (edges and polygons). Device code reads it from
    /// here, as Box2D reads a shape's m_radius, and never as a constant: ILGPU's IR builder regroups float
    /// constants (<c>(d - r) - r</c> becomes <c>d - (r + r)</c>, rounded once instead of twice), which is not
    /// what the CPU computes.
    /// </summary>
    public const int ShapeRadius = 2;
    /// <summary>Lidar ray i ends at the hull position plus (Lidar + 2i, Lidar + 2i + 1).</summary>
    public const int Lidar = 3;
    /// <summary>First body record (<see cref="BodyStride"/> floats each).</summary>
    public const int Bodies = Lidar + 2 * BipedConstants.LidarCount;
    /// <summary>Body record: start transform, start sweep, mass, shape, start fat AABB.</summary>
    public const int BodyPx = 0, BodyPy = 1, BodySin = 2, BodyCos = 3, BodyAngle = 4, BodyCx = 5, BodyCy = 6,
        BodyLocalCx = 7, BodyLocalCy = 8, BodyInvMass = 9, BodyInvI = 10, BodyVertexCount = 11, BodyCentroidX = 12, BodyCentroidY = 13,
        BodyFatLowerX = 14, BodyFatLowerY = 15, BodyFatUpperX = 16, BodyFatUpperY = 17, BodyFriction = 18,
        BodyVertices = 19, BodyNormals = BodyVertices + 2 * MaxVertices, BodyStride = BodyNormals + 2 * MaxVertices;
    /// <summary>First joint record (<see cref="JointStride"/> floats each).</summary>
    public const int Joints = Bodies + BodyCount * BodyStride;
    /// <summary>Joint record: local anchors, reference angle, limits.</summary>
    public const int JointAnchorAx = 0, JointAnchorAy = 1, JointAnchorBx = 2, JointAnchorBy = 3, JointReference = 4,
        JointLower = 5, JointUpper = 6, JointStride = 7;
    /// <summary>First edge record (<see cref="EdgeStride"/> floats each), sorted by the lower x of the fat AABB (creation order for a terrain).</summary>
    public const int Edges = Joints + JointCount * JointStride;
    /// <summary>Edge record: vertices, fat AABB, running maximum of the fat upper x over edges 0..i.</summary>
    public const int EdgeV1x = 0, EdgeV1y = 1, EdgeV2x = 2, EdgeV2y = 3, EdgeLowerX = 4, EdgeLowerY = 5, EdgeUpperX = 6,
        EdgeUpperY = 7, EdgeMaxUpperX = 8, EdgeStride = 9;
    /// <summary>Floats of episode data.</summary>
    public const int EpisodeSize = Edges + MaxEdges * EdgeStride;

    // ---- State slots ----
    /// <summary>World: head of the contact list, live contacts, 1/dt of the last step, contacts found once, pool overflows, TOI sub-steps.</summary>
    public const int ContactHead = 0, ContactCount = 1, InvDt0 = 2, Started = 3, Overflows = 4, ToiEvents = 5;
    /// <summary>Env: game over, ground contact of lower legs 1 and 3, previous shaping (and whether there is one), step counter, push still to apply.</summary>
    public const int GameOver = 6, GroundContact1 = 7, GroundContact3 = 8, PrevShaping = 9, HasPrevShaping = 10, StepCounter = 11, HullForceX = 12;
    /// <summary>Contacts in the island being solved (their constraints at <see cref="Island"/>).</summary>
    public const int IslandCount = 13;
    /// <summary>The 24 observations of the last step.</summary>
    public const int Observations = 16;
    /// <summary>First dynamic body (<see cref="StateBodyStride"/> slots each).</summary>
    public const int StateBodies = Observations + BipedConstants.ObservationCount;
    /// <summary>Body slots: sweep, transform, velocity, fat AABB, head of its contact list, moved flag.</summary>
    public const int C0x = 0, C0y = 1, Cx = 2, Cy = 3, A0 = 4, A = 5, Alpha0 = 6, Px = 7, Py = 8, QSin = 9, QCos = 10,
        Vx = 11, Vy = 12, W = 13, FatLowerX = 14, FatLowerY = 15, FatUpperX = 16, FatUpperY = 17, BodyContacts = 18, Moved = 19, StateBodyStride = 20;
    /// <summary>First joint (<see cref="StateJointStride"/> slots each).</summary>
    public const int StateJoints = StateBodies + BodyCount * StateBodyStride;
    /// <summary>Joint slots: accumulated impulses, limit state, motor.</summary>
    public const int ImpulseX = 0, ImpulseY = 1, ImpulseZ = 2, MotorImpulse = 3, JointLimit = 4, MotorSpeed = 5, MaxMotorTorque = 6, StateJointStride = 7;
    /// <summary>Per edge: its sweep's alpha0 and the step (timer + 1) that wrote it (older means 0: Box2D zeroes every body's alpha0 at the start of SolveTOI).</summary>
    public const int EdgeAlpha = StateJoints + JointCount * StateJointStride;
    /// <summary>First contact of the pool (<see cref="ContactStride"/> slots each).</summary>
    public const int Contacts = EdgeAlpha + 2 * MaxEdges;
    /// <summary>
    /// Contact slots: pool flag, edge and body, world-list and body-list links, TOI, flags, and the manifold (type,
    /// points with their impulses and feature ids).
    /// </summary>
    public const int InUse = 0, ContactEdge = 1, ContactBody = 2, Prev = 3, Next = 4, PrevB = 5, NextB = 6, Toi = 7, ToiCount = 8,
        Enabled = 9, Touching = 10, ContactIsland = 11, ToiFlag = 12, ManifoldKind = 13, PointCount = 14, LocalNormalX = 15,
        LocalNormalY = 16, LocalPointX = 17, LocalPointY = 18, Points = 19, PointStride = 5,
        PointX = 0, PointY = 1, NormalImpulse = 2, TangentImpulse = 3, PointId = 4,
        ContactStride = Points + 2 * PointStride;
    /// <summary>
    /// The island being solved, in Box2D's order: per position its contact, and that contact's constraint as the
    /// contact solver keeps it (b2ContactVelocityConstraint and b2ContactPositionConstraint), laid out by island
    /// position so that every lane's i-th constraint sits in the same slots (<see cref="IslandStride"/> each).
    /// </summary>
    public const int Island = Contacts + ContactCapacity * ContactStride;
    /// <summary>
    /// Island slots: the contact and its body, the constraint's point count, normal, friction, body B's mass and
    /// centre, block solver matrices, per point its anchors, masses, bias and impulses; the manifold the position
    /// solver reads.
    /// </summary>
    public const int IslandContact = 0, IslandBody = 1, ConstraintPoints = 2, NormalX = 3, NormalY = 4, Friction = 5,
        InvMassB = 6, InvIB = 7, LocalCenterBx = 8, LocalCenterBy = 9,
        NormalMass11 = 10, NormalMass21 = 11, NormalMass12 = 12, NormalMass22 = 13, K11 = 14, K21 = 15, K12 = 16, K22 = 17,
        ConstraintPointsAt = 18, ConstraintPointStride = 9,
        RAx = 0, RAy = 1, RBx = 2, RBy = 3, CpNormalMass = 4, CpTangentMass = 5, VelocityBias = 6, CpNormalImpulse = 7, CpTangentImpulse = 8,
        PositionKind = ConstraintPointsAt + 2 * ConstraintPointStride, PositionPoints = PositionKind + 1,
        PositionNormalX = PositionKind + 2, PositionNormalY = PositionKind + 3, PositionPlaneX = PositionKind + 4, PositionPlaneY = PositionKind + 5,
        PositionPoint0X = PositionKind + 6, PositionPoint0Y = PositionKind + 7, PositionPoint1X = PositionKind + 8, PositionPoint1Y = PositionKind + 9,
        IslandStride = PositionKind + 10;
    /// <summary>State slots in all.</summary>
    public const int StateSize = Island + ContactCapacity * IslandStride;
}
