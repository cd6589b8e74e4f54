using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Kernels.Cpu;
using Wann.Kernels.Reference;

namespace Wann.Kernels.Backends;

/// <summary>Creates the evaluator for a backend choice; <c>auto</c> takes the best one present.</summary>
public static class EvaluatorFactory
{
    public static IEvaluator Create(BackendKind kind, int? threads = null) => kind switch
    {
        BackendKind.Auto => new SimdEvaluator(threads),
        BackendKind.Cpu => new SimdEvaluator(threads),
        BackendKind.Reference => new ReferenceEvaluator(threads ?? Environment.ProcessorCount),
        _ => throw new WannException($"--backend {BackendNames.NameOf(kind)}: not available in this build"),
    };
}
