using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Kernels.Backends;
using Wann.Kernels.Gpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Checks;

/// <summary>
/// Finds where a GPU backend first parts from the reference path inside a task's state: runs one lane for
/// 1, 2, ... steps with its state in a device buffer, reads the buffer back and compares every slot with
/// the same lane run on the host. Says which step and which slots differ first (a bit-identity bug hunt).
/// </summary>
public static class StateProbe
{
    /// <summary>One differing slot after <see cref="Step"/> steps.</summary>
    public sealed record SlotDifference(int Step, int Slot, float Expected, float Actual);

    /// <returns>The slots that differ at the first step where any does (empty when all steps agree).</returns>
    public static IReadOnlyList<SlotDifference> Run(BackendKind kind, TaskSpec task, Genome genome, float weight, int repetition, int maxSteps, ulong seed)
    {
        using var gpu = new GpuEvaluator(kind, forceGlobalMemory: false, forceBufferState: true);
        var batch = ProgramBatch.CompileOne(genome, WeightMode.Shared);
        var program = ProgramCompiler.Compile(genome, WeightMode.Shared);
        for (int steps = 1; steps <= maxSteps; steps++)
        {
            var request = new EvaluationRequest(task with { EpisodeLength = steps }, new[] { weight }, repetition + 1, seed, 0);
            gpu.Evaluate(batch, request);
            var (values, stride) = gpu.DownloadTaskState() ?? throw new InvalidOperationException("no buffer state was used");
            var expected = TaskRegistry.Dispatch(task, new HostLane(program, weight, request, repetition));
            var differences = new List<SlotDifference>();
            for (int s = 0; s < expected.Length; s++)
            {
                float actual = values[s * stride + repetition];
                if (BitConverter.SingleToInt32Bits(actual) != BitConverter.SingleToInt32Bits(expected[s]))
                    differences.Add(new SlotDifference(steps, s, expected[s], actual));
            }
            if (differences.Count > 0) return differences;
        }
        return Array.Empty<SlotDifference>();
    }

    /// <summary>The state slots of one lane after the request's episode length, on the reference path.</summary>
    private sealed class HostLane(NetworkProgram program, float weight, EvaluationRequest request, int repetition) : IRolloutTaskVisitor<float[]>
    {
        public float[] Visit<TTask>(TTask task) where TTask : struct, IRolloutTask
        {
            var slots = new float[task.StateSize];
            ReferenceEvaluator.Episode(task, program, weight, EpisodeTable.Compute(task, request), repetition, request.Task.EpisodeLength, slots);
            return slots;
        }
    }
}
