using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2World::SolveTOI. Every contact pairs a static edge with a dynamic body, so every pair is a TOI candidate and
// a TOI island holds one dynamic body, its edge and its other touching edges. A static edge's sweep never moves
// but its alpha0 does (Box2D advances static bodies too, and a later pair reads it), so each edge keeps one.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    private float EdgeAlpha0(int edge, float stamp) =>
        S(EdgeAlpha + 2 * edge + 1) == stamp ? S(EdgeAlpha + 2 * edge) : 0f;

    private void SetEdgeAlpha0(int edge, float stamp, float alpha)
    {
        Set(EdgeAlpha + 2 * edge, alpha);
        Set(EdgeAlpha + 2 * edge + 1, stamp);
    }

    private LaneSweep BodySweep(int b)
    {
        int s = B(b);
        return new LaneSweep
        {
            LocalCenter = LocalCenterOf(b),
            C0 = new Vec2(S(s + C0x), S(s + C0y)),
            C = new Vec2(S(s + Cx), S(s + Cy)),
            A0 = S(s + A0),
            A = S(s + A),
            Alpha0 = S(s + Alpha0),
        };
    }

    private void SetBodySweep(int b, in LaneSweep sweep)
    {
        int s = B(b);
        Set(s + C0x, sweep.C0.X);
        Set(s + C0y, sweep.C0.Y);
        Set(s + Cx, sweep.C.X);
        Set(s + Cy, sweep.C.Y);
        Set(s + A0, sweep.A0);
        Set(s + A, sweep.A);
        Set(s + Alpha0, sweep.Alpha0);
    }

    // b2Body::Advance: the sweep forward to alpha and the body there.
    private void AdvanceBody(int b, float alpha)
    {
        LaneSweep sweep = BodySweep(b);
        sweep.Advance(alpha);
        sweep.C = sweep.C0;
        sweep.A = sweep.A0;
        SetBodySweep(b, sweep);
        SynchronizeTransform(b);
    }

    private LaneProxy EdgeProxy(int edge)
    {
        int ee = EE(edge);
        var proxy = new LaneProxy { Count = 2, Radius = Settings.PolygonRadius };
        proxy.V0 = new Vec2(E(ee + EdgeV1x), E(ee + EdgeV1y));
        proxy.V1 = new Vec2(E(ee + EdgeV2x), E(ee + EdgeV2y));
        return proxy;
    }

    private LaneProxy BodyProxy(int b)
    {
        int count = (int)E(EB(b) + BodyVertexCount);
        var proxy = new LaneProxy { Count = count, Radius = Settings.PolygonRadius };
        for (int i = 0; i < count; i++) proxy.SetVertex(i, LocalVertex(b, i));
        return proxy;
    }

    private void SolveToi(float dt)
    {
        float stamp = S(StepCounter) + 1f;
        for (int b = 0; b < BodyCount; b++)
        {
            Set(B(b) + IslandFlag, 0f);
            Set(B(b) + Alpha0, 0f);
        }
        for (int c = SI(ContactHead); c != -1; c = SI(C(c) + Next))
        {
            Set(C(c) + ToiFlag, 0f);
            Set(C(c) + ContactIsland, 0f);
            Set(C(c) + ToiCount, 0f);
            Set(C(c) + Toi, 1f);
        }

        for (;;)
        {
            // Find the first TOI.
            int minContact = -1;
            float minAlpha = 1f;
            for (int c = SI(ContactHead); c != -1; c = SI(C(c) + Next))
            {
                int s = C(c);
                if (S(s + Enabled) == 0f) continue;
                if (S(s + ToiCount) > Settings.MaxSubSteps) continue;
                float alpha;
                if (S(s + ToiFlag) > 0f)
                {
                    alpha = S(s + Toi);
                }
                else
                {
                    int edge = SI(s + ContactEdge), body = SI(s + ContactBody);
                    // Put the sweeps onto the same time interval.
                    float alphaA = EdgeAlpha0(edge, stamp), alphaB = S(B(body) + Alpha0);
                    float alpha0 = alphaA;
                    if (alphaA < alphaB)
                    {
                        alpha0 = alphaB;
                        SetEdgeAlpha0(edge, stamp, alpha0); // the edge's centre and angle stay 0
                    }
                    else if (alphaB < alphaA)
                    {
                        alpha0 = alphaA;
                        LaneSweep sweep = BodySweep(body);
                        sweep.Advance(alpha0);
                        SetBodySweep(body, sweep);
                    }

                    var edgeSweep = new LaneSweep { Alpha0 = EdgeAlpha0(edge, stamp) };
                    int state = LaneTimeOfImpact.Compute<TTrig>(EdgeProxy(edge), edgeSweep, BodyProxy(body), BodySweep(body), out float beta);
                    if (state == 3)
                    {
                        float a = alpha0 + (1f - alpha0) * beta;
                        alpha = a < 1f ? a : 1f;
                    }
                    else
                    {
                        alpha = 1f;
                    }
                    Set(s + Toi, alpha);
                    Set(s + ToiFlag, 1f);
                }
                if (alpha < minAlpha)
                {
                    minContact = c;
                    minAlpha = alpha;
                }
            }

            if (minContact == -1 || minAlpha > 1f - 10f * Settings.Epsilon) break;

            // Advance the bodies to the TOI.
            int ms = C(minContact);
            int minEdge = SI(ms + ContactEdge), minBody = SI(ms + ContactBody);
            float backupEdgeAlpha = EdgeAlpha0(minEdge, stamp);
            LaneSweep backup = BodySweep(minBody);
            SetEdgeAlpha0(minEdge, stamp, minAlpha);
            AdvanceBody(minBody, minAlpha);

            // The TOI contact likely has some new contact points.
            UpdateContact(minContact);
            Set(ms + ToiFlag, 0f);
            Set(ms + ToiCount, S(ms + ToiCount) + 1f);
            Set(ToiEvents, S(ToiEvents) + 1f);

            if (S(ms + Enabled) == 0f || S(ms + Touching) == 0f)
            {
                // Restore the sweeps.
                Set(ms + Enabled, 0f);
                SetEdgeAlpha0(minEdge, stamp, backupEdgeAlpha);
                SetBodySweep(minBody, backup);
                SynchronizeTransform(minBody);
                continue;
            }

            // The island: the body, its TOI contact, and its other contacts that touch at the TOI.
            int count = 0;
            SetI(IslandContacts + count, minContact);
            count++;
            Set(B(minBody) + IslandFlag, 1f);
            Set(ms + ContactIsland, 1f);
            for (int c = SI(B(minBody) + BodyContacts); c != -1; c = SI(C(c) + NextB))
            {
                if (count == MaxToiContacts) break;
                int s = C(c);
                if (S(s + ContactIsland) > 0f) continue;
                // Tentatively advance the (static) other body to the TOI.
                int other = SI(s + ContactEdge);
                float backupAlpha = EdgeAlpha0(other, stamp);
                SetEdgeAlpha0(other, stamp, minAlpha);
                UpdateContact(c);
                if (S(s + Enabled) == 0f || S(s + Touching) == 0f)
                {
                    SetEdgeAlpha0(other, stamp, backupAlpha);
                    continue;
                }
                Set(s + ContactIsland, 1f);
                SetI(IslandContacts + count, c);
                count++;
            }
            SetI(IslandCount, count);

            float subDt = (1f - minAlpha) * dt;
            SolveToiIsland(minBody, subDt);

            // Reset island flags and synchronise the broad phase.
            Set(B(minBody) + IslandFlag, 0f);
            SynchronizeFixtures(minBody);
            // Invalidate all contact TOIs on this displaced body.
            for (int c = SI(B(minBody) + BodyContacts); c != -1; c = SI(C(c) + NextB))
            {
                Set(C(c) + ToiFlag, 0f);
                Set(C(c) + ContactIsland, 0f);
            }

            // New contacts, and maybe destroyed ones.
            FindNewContacts(allMoved: false);
        }
    }

    // b2Island::SolveTOI for the island of one dynamic body.
    private void SolveToiIsland(int body, float subDt)
    {
        int s = B(body);
        Set(s + SolverCx, S(s + Cx));
        Set(s + SolverCy, S(s + Cy));
        Set(s + SolverA, S(s + A));
        Set(s + SolverVx, S(s + Vx));
        Set(s + SolverVy, S(s + Vy));
        Set(s + SolverW, S(s + W));
        InitializeContacts(1f, warmStarting: false);
        for (int i = 0; i < 20; i++)
            if (!(SolvePositions(Settings.ToiBaumgarte, body, true) < -1.5f * Settings.LinearSlop)) break;

        // Leap of faith to the new safe state.
        Set(s + C0x, S(s + SolverCx));
        Set(s + C0y, S(s + SolverCy));
        Set(s + A0, S(s + SolverA));

        InitializeVelocityConstraints();
        for (int i = 0; i < BipedConstants.VelocityIterations; i++) SolveVelocityConstraints();

        Integrate(subDt, writeBack: true);
    }
}
