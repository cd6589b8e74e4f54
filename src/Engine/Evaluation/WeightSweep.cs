using MathNet.Numerics.Statistics;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;

namespace Wann.Engine.Evaluation;

/// <summary>Reward against the shared weight, as the paper plots it: mean and spread over episodes at each weight.</summary>
public sealed record WeightSweep(float[] Weights, double[] Mean, double[] Std, int Episodes)
{
    /// <summary>Environment steps the sweep simulated.</summary>
    public long StepCount { get; init; }

    public static float[] Range(float from, float to, int count)
    {
        if (count < 2) throw new WannException($"--count: at least 2 weights, got {count}");
        if (!(to > from)) throw new WannException($"--from/--to: the range [{from}, {to}] is empty");
        return Enumerable.Range(0, count).Select(i => (float)(from + (to - from) * i / (count - 1.0))).ToArray();
    }

    public static WeightSweep Run(Genome genome, TaskSpec task, IEvaluator evaluator, float[] weights, int episodes, ulong seed)
    {
        var batch = ProgramBatch.CompileOne(genome, WeightMode.Shared);
        var table = evaluator.Evaluate(batch, new EvaluationRequest(task, weights, episodes, seed, 0));
        var mean = new double[weights.Length];
        var std = new double[weights.Length];
        for (int w = 0; w < weights.Length; w++)
        {
            var rewards = Enumerable.Range(0, episodes).Select(r => (double)table.Reward(0, w, r)).ToArray();
            mean[w] = rewards.Mean();
            std[w] = episodes > 1 ? rewards.StandardDeviation() : 0;
        }
        return new WeightSweep(weights, mean, std, episodes) { StepCount = table.StepCount };
    }
}
