using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Reference;

namespace Wann.Kernels.Checks;

/// <summary>
/// The reference path's answers to <see cref="BackendCheck"/>'s checks, each computed once: a GPU backend is
/// checked on three kernel families with the same inputs, and the reference's walker episodes alone took
/// seconds each time. Answers are kept by check name, which names the inputs.
/// </summary>
public sealed class ReferenceAnswers
{
    private readonly ReferenceEvaluator _reference = new(Environment.ProcessorCount);
    private readonly Dictionary<string, FitnessTable> _tables = new();
    private readonly Dictionary<string, float[]> _outputs = new();
    private readonly Dictionary<string, ClassScores> _scores = new();

    public FitnessTable Evaluate(string check, ProgramBatch batch, EvaluationRequest request)
    {
        if (!_tables.TryGetValue(check, out var table)) _tables[check] = table = _reference.Evaluate(batch, request);
        return table;
    }

    public ClassScores Classify(string check, ProgramBatch batch, float[] weights, float[] inputs, int[] labels)
    {
        if (!_scores.TryGetValue(check, out var scores)) _scores[check] = scores = ((IForwardEvaluator)_reference).Classify(batch, weights, inputs, labels);
        return scores;
    }

    public float[] Forward(string check, ProgramBatch batch, float[] weights, float[] inputs)
    {
        if (!_outputs.TryGetValue(check, out var outputs)) _outputs[check] = outputs = _reference.Forward(batch, weights, inputs);
        return outputs;
    }
}
