using Wann.Engine.Lanes;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;
using Wann.Kernels.Tasks.Biped;
using Wann.Kernels.Tasks.Biped.Lanes;

namespace Wann.Kernels.Tests.Biped;

/// <summary>
/// Replays a recorded episode's actions (open loop) on the lane-generic walker with trigonometry
/// <typeparamref name="TTrig"/>, next to the exact port, and measures where they part.
/// </summary>
public static class LaneReplay<TTrig> where TTrig : struct, ITrig
{
    /// <summary>What a replay saw.</summary>
    /// <param name="Steps">Steps replayed (to the recorded end or the lane walker's done, whichever first).</param>
    /// <param name="FirstHullDifference">First step whose hull position differs from the recording's bits (-1: none).</param>
    /// <param name="FirstBodyDifference">First step where any body's centre, angle or velocities differ from the exact port's bits (-1: none).</param>
    /// <param name="FirstDoneDifference">First step whose done flag differs from the recording's (-1: none).</param>
    /// <param name="MaxObservationError">Largest |observation - recorded| over the steps before the first body difference.</param>
    /// <param name="MaxRewardError">Largest |reward - recorded| over the steps before the first body difference.</param>
    /// <param name="EndStep">The step at which the lane walker said done (-1: never within the recording).</param>
    /// <param name="TotalReward">Sum of the lane walker's rewards (action steps).</param>
    /// <param name="RecordedTotal">Sum of the recorded rewards.</param>
    /// <param name="MaxContacts">Most contacts alive at once.</param>
    /// <param name="Overflows">Pairs dropped because the contact pool was full.</param>
    /// <param name="HullDeparture">First step whose hull position is more than 1 cm from the recording's (-1: none).</param>
    /// <param name="ToiSubSteps">Time-of-impact sub-steps performed.</param>
    public sealed record Result(int Steps, int FirstHullDifference, int FirstBodyDifference, int FirstDoneDifference,
        double MaxObservationError, double MaxRewardError, int EndStep, double TotalReward, double RecordedTotal, int MaxContacts, int Overflows,
        int HullDeparture, int ToiSubSteps);

    public static Result Run(BipedRecordedEpisode episode)
    {
        EpisodeTable table = BipedEpisodeData.Table([(episode.Terrain, episode.InitialForceX)]);
        var slots = new float[BipedLayout.StateSize];
        var world = new LaneWorld<FloatLane, ScalarState, ScalarEpisode, TTrig>(new ScalarState(slots), new ScalarEpisode(table, 0));
        var exact = new BipedWalker();
        var obs = new double[BipedConstants.ObservationCount];
        int departure = -1;
        int firstHull = -1, firstBody = -1, firstDone = -1, endStep = -1, maxContacts = 0;
        double maxObs = 0, maxReward = 0, total = 0, recordedTotal = 0;
        int k = 0;
        for (; k < episode.Steps.Length; k++)
        {
            BipedRecordedStep rec = episode.Steps[k];
            float reward = 0f;
            bool done = false;
            if (k == 0)
            {
                world.Reset();
                exact.Reset(episode.Terrain, episode.InitialForceX, obs);
            }
            else
            {
                double cost = 0;
                for (int j = 0; j < 4; j++)
                {
                    double a = rec.Action[j];
                    double clip = Math.Min(Math.Max(Math.Abs(a), 0.0), 1.0);
                    double speed = (j & 1) == 0 ? BipedConstants.SpeedHip : BipedConstants.SpeedKnee;
                    world.SetMotor(j, new FloatLane((float)(speed * (a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0))), new FloatLane((float)(BipedConstants.MotorsTorque * clip)));
                    cost += 0.00035 * BipedConstants.MotorsTorque * clip;
                }
                reward = world.EnvStep(new FloatLane((float)cost), FloatLane.True, out FloatLane ended).Value;
                done = ended.Value > 0f;
                if (firstBody < 0) exact.Step(rec.Action, obs, out _);
                total += reward;
                recordedTotal += rec.Reward;
            }
            maxContacts = Math.Max(maxContacts, (int)world.LiveContacts.Value);
            var hull = world.HullPosition;
            if (firstHull < 0 && (!Same(hull.X.Value, rec.HullX) || !Same(hull.Y.Value, rec.HullY))) firstHull = k;
            if (departure < 0 && Math.Max(Math.Abs(hull.X.Value - rec.HullX), Math.Abs(hull.Y.Value - rec.HullY)) > 0.01) departure = k;
            if (firstBody < 0 && !SameBodies(world, exact)) firstBody = k;
            if (firstBody < 0)
            {
                for (int i = 0; i < obs.Length; i++) maxObs = Math.Max(maxObs, Math.Abs(world.Observation(i).Value - rec.Observation[i]));
                if (k > 0) maxReward = Math.Max(maxReward, Math.Abs(reward - rec.Reward));
            }
            if (k > 0 && firstDone < 0 && done != rec.Done) firstDone = k;
            if (done)
            {
                endStep = k;
                k++;
                break;
            }
        }
        return new Result(k, firstHull, firstBody, firstDone, maxObs, maxReward, endStep, total, recordedTotal, maxContacts, (int)world.ContactOverflows.Value, departure, (int)world.ToiSubSteps.Value);
    }

    private static bool SameBodies(in LaneWorld<FloatLane, ScalarState, ScalarEpisode, TTrig> world, BipedWalker exact)
    {
        for (int b = 0; b < BipedLayout.BodyCount; b++)
        {
            var body = b == 0 ? exact.Hull : exact.Legs[b - 1];
            var (c, a, v, w) = world.BodyState(b);
            if (!Same(c.X.Value, body.Sweep.C.X) || !Same(c.Y.Value, body.Sweep.C.Y) || !Same(a.Value, body.Sweep.A)) return false;
            if (!Same(v.X.Value, body.LinearVelocity.X) || !Same(v.Y.Value, body.LinearVelocity.Y) || !Same(w.Value, body.AngularVelocity)) return false;
        }
        return true;
    }

    private static bool Same(float a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static bool Same(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);
}
