using Wann.Engine.Programs;

namespace Wann.Engine.Evaluation;

/// <summary>
/// Forward passes without a task: every program of a batch at every shared weight on every input vector.
/// Outputs are laid out [((genome x weights + weight) x vectors + vector) x outputs + output].
/// </summary>
public interface IForwardEvaluator
{
    /// <param name="inputs">Input vectors, [vector x InputCount + input].</param>
    float[] Forward(ProgramBatch batch, float[] weights, float[] inputs);

    /// <summary>
    /// Forward passes of every program at every weight on labelled rows, reduced to the classification scores per
    /// (genome, weight). A backend that reduces where its outputs are (the SIMD vectors, the device) overrides this;
    /// the result is the same bits either way.
    /// </summary>
    /// <param name="labels">Each input vector's class, below the batch's output count.</param>
    ClassScores Classify(ProgramBatch batch, float[] weights, float[] inputs, int[] labels) =>
        ClassScores.FromOutputs(Forward(batch, weights, inputs), batch.ProgramCount, weights.Length, labels, batch.OutputCount);
}
