using System.Diagnostics;
using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>
/// The one place that decides how a network is scored at given weights: episodes for rollout tasks,
/// accuracy on the held-out test set for classification. <c>eval</c>, <c>sweep</c> and <c>report</c> all use it.
/// </summary>
public static class NetworkScoring
{
    /// <param name="episodes">Episodes per weight (rollout tasks; classification scores the whole test set).</param>
    /// <param name="seed">Seed of the episodes' start states.</param>
    public static NetworkScores Score(IBackend backend, Genome genome, WeightMode mode, TaskSpec task, float[] weights, int episodes, ulong seed)
    {
        var clock = Stopwatch.StartNew();
        if (task.Kind == TaskKind.Classification)
        {
            var accuracy = ClassificationScore.Of(genome, mode, weights, ClassificationSources.Load(task).Test, backend);
            return new NetworkScores(task, weights, episodes, clock.Elapsed.TotalSeconds, null, null, accuracy);
        }
        var table = backend.Evaluate(ProgramBatch.CompileOne(genome, mode), new EvaluationRequest(task, weights, episodes, seed, Generation: 0));
        var rows = new List<WeightRow>();
        for (int w = 0; w < weights.Length; w++)
        {
            var rewards = Enumerable.Range(0, episodes).Select(r => (double)table.Reward(0, w, r)).ToArray();
            rows.Add(WeightRow.From(weights[w], rewards));
        }
        return new NetworkScores(task, weights, episodes, clock.Elapsed.TotalSeconds, rows, table, null);
    }
}
