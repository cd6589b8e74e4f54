using Wann.Engine.Programs;

namespace Wann.Engine.Evaluation;

/// <summary>A backend that runs every (genome, weight, repetition) lane of a batch and returns the rewards.</summary>
public interface IEvaluator : IDisposable
{
    /// <summary>Short backend name as the user selects it (cpu, cuda, ...).</summary>
    string Name { get; }

    /// <summary>What it runs on, in words (for logs and reports).</summary>
    string Device { get; }

    FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request);

    /// <summary>Copy and kernel times of the last evaluation or forward pass, on backends that run on a device; null elsewhere.</summary>
    EvaluationTiming? LastTiming => null;
}
