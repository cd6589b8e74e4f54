using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Tasks;
using Wann.Kernels.Backends;

namespace Wann.Host.Evaluation;

/// <summary>
/// The evaluators a condition or tuning run needs on one backend: episodes (or training batches, for
/// classification) through <see cref="Evaluator"/>, and for classification the data and the backend's
/// forward passes for test-set accuracy.
/// </summary>
public sealed class TuningSession : IDisposable
{
    private TuningSession(IEvaluator evaluator, ClassificationData? data, IForwardEvaluator? forward)
    {
        Evaluator = evaluator;
        Data = data;
        Forward = forward;
    }

    public IEvaluator Evaluator { get; }
    public ClassificationData? Data { get; }
    public IForwardEvaluator? Forward { get; }

    public static TuningSession Open(TaskSpec task, string backendName, int? threads)
    {
        var backend = BackendFactory.Create(BackendNames.Parse(backendName), threads);
        if (task.Kind != TaskKind.Classification) return new TuningSession(backend, null, null);
        try
        {
            var data = ClassificationSources.Load(task);
            return new TuningSession(new ClassificationEvaluator(backend, data), data, backend);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    public void Dispose() => Evaluator.Dispose();
}
