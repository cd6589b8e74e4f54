using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>Discrete actions from network outputs, per lane: the index of the largest output (first one on ties).</summary>
public static class LaneChoice
{
    public static T ArgMax<T>(in TaskOutputs<T> outputs, int count) where T : struct, ILane<T>
    {
        T best = outputs.O0;
        T index = T.From(0f);
        for (int o = 1; o < count; o++)
        {
            T candidate = outputs[o];
            T better = candidate - best;
            index = T.IfPositive(better, T.From(o), index);
            best = T.IfPositive(better, candidate, best);
        }
        return index;
    }

    /// <summary>x wrapped into [-pi, pi).</summary>
    public static T WrapAngle<T>(T x) where T : struct, ILane<T>
    {
        T twoPi = T.From(2f * MathF.PI);
        return x - twoPi * T.Floor((x + T.From(MathF.PI)) / twoPi);
    }
}
