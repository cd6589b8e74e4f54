using System.Globalization;
using System.Text;
using System.Text.Json;
using Wann.Kernels.Reference;

namespace Wann.Host.Output;

/// <summary>A recorded episode as CSV (a row a step) or JSON (arrays), numbers at full float precision.</summary>
public static class EpisodeTraceWriter
{
    /// <summary>Columns: step, each observation, each network output, reward, done (1 on the step that ended the episode).</summary>
    public static string Csv(EpisodeTrace trace, IReadOnlyList<string> inputLabels, IReadOnlyList<string> outputLabels)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', new[] { "step" }.Concat(inputLabels.Select(l => "obs:" + Clean(l))).Concat(outputLabels.Select(l => "out:" + Clean(l))).Append("reward").Append("done"));
        text.Append('\n');
        for (int t = 0; t < trace.Steps; t++)
        {
            text.Append(t.ToString(CultureInfo.InvariantCulture));
            foreach (float v in trace.Observations[t].Concat(trace.Outputs[t]).Append(trace.Rewards[t])) text.Append(',').Append(CsvRows.Format(v));
            text.Append(',').Append(t == trace.Steps - 1 && trace.EndedEarly ? '1' : '0').Append('\n');
        }
        return text.ToString();
    }

    public static string Json(EpisodeTrace trace, string task, string net, float? weight, ulong seed, IReadOnlyList<string> inputLabels, IReadOnlyList<string> outputLabels) =>
        JsonSerializer.Serialize(new
        {
            task,
            net,
            weight,
            stored = weight is null,
            seed,
            steps = trace.Steps,
            endedEarly = trace.EndedEarly,
            totalReward = trace.TotalReward,
            observationLabels = inputLabels,
            outputLabels,
            observations = trace.Observations,
            outputs = trace.Outputs,
            rewards = trace.Rewards,
            finalObservation = trace.FinalObservation,
        }, new JsonSerializerOptions { WriteIndented = false }) + "\n";

    // A label may hold a comma or a space ("torque -1"); CSV headers keep neither.
    private static string Clean(string label) => new(label.Select(c => c is ',' or ' ' ? '_' : c).ToArray());
}
