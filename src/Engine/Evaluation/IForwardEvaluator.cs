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
}
