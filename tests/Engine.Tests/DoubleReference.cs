using Wann.Engine.Programs;

namespace Wann.Engine.Tests;

/// <summary>
/// The activation formulas and the forward pass in double precision with System.Math: what the float code
/// approximates, written independently of it (the original's formulas, wann_src/ann.py applyAct).
/// </summary>
public static class DoubleReference
{
    public static double Activation(int id, double x) => id switch
    {
        1 => x,
        2 => x > 0 ? 1 : 0,
        3 => double.SinPi(x),
        4 => Math.Exp(-x * x / 2),
        5 => Math.Tanh(x),
        6 => 1 / (1 + Math.Exp(-x)),
        7 => -x,
        8 => Math.Abs(x),
        9 => Math.Max(0, x),
        10 => double.CosPi(x),
        11 => x * x,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    /// <summary>The program's outputs for one input vector, every operation in double.</summary>
    public static double[] Forward(NetworkProgram program, IReadOnlyList<double> inputs, double sharedWeight)
    {
        var values = new double[program.NodeCount];
        values[0] = 1;
        for (int k = 0; k < program.InputCount; k++) values[1 + k] = inputs[k];
        for (int i = 0; i < program.InstructionCount; i++)
        {
            double sum = 0;
            for (int k = program.FirstEdge[i]; k < program.FirstEdge[i] + program.EdgeCount[i]; k++)
                sum += (double)program.EdgeScale[k] * values[program.EdgeSource[k]];
            values[program.FirstComputedSlot + i] = Activation(program.Activation[i], sharedWeight * sum);
        }
        return program.OutputSlot.Select(slot => values[slot]).ToArray();
    }
}
