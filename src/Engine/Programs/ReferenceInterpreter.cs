using Wann.Engine.Activations;

namespace Wann.Engine.Programs;

/// <summary>
/// The ground truth every fast backend is tested against: one input vector, one shared weight, plain
/// loops, the summation order of the program. Kept obviously correct rather than fast.
/// </summary>
public static class ReferenceInterpreter
{
    /// <summary>Evaluates the program; <paramref name="values"/> is scratch of at least NodeCount floats.</summary>
    public static void Evaluate(NetworkProgram program, ReadOnlySpan<float> inputs, float sharedWeight, Span<float> values, Span<float> outputs)
    {
        if (inputs.Length != program.InputCount)
            throw new ArgumentException($"expected {program.InputCount} inputs, got {inputs.Length}", nameof(inputs));
        values[0] = 1f;
        inputs.CopyTo(values.Slice(1));
        for (int i = 0; i < program.InstructionCount; i++)
        {
            float sum = 0f;
            int first = program.FirstEdge[i];
            for (int k = first; k < first + program.EdgeCount[i]; k++)
                sum += program.EdgeScale[k] * values[program.EdgeSource[k]];
            values[program.FirstComputedSlot + i] = Activation.Apply(program.Activation[i], sharedWeight * sum);
        }
        for (int o = 0; o < program.OutputCount; o++) outputs[o] = values[program.OutputSlot[o]];
    }

    public static float[] Evaluate(NetworkProgram program, ReadOnlySpan<float> inputs, float sharedWeight)
    {
        var outputs = new float[program.OutputCount];
        Evaluate(program, inputs, sharedWeight, new float[program.NodeCount], outputs);
        return outputs;
    }
}
