using Wann.Engine.Programs;

namespace Wann.Engine.Tests;

public sealed class ReferenceInterpreterTests
{
    [Fact]
    public void SharedWeight_MultipliesEveryNodeSum()
    {
        var program = ProgramCompiler.Compile(CompilerTests.SmallNet(), WeightMode.Shared);
        float w = -1.5f, x1 = 0.3f, x2 = -0.8f;
        // hidden = tanh(w (x1 + x2)); output = w (hidden + bias)
        float hidden = MathF.Tanh(w * (x1 + x2));
        float expected = w * (hidden + 1f);
        Assert.Equal(expected, ReferenceInterpreter.Evaluate(program, new[] { x1, x2 }, w)[0], 6);
    }

    [Fact]
    public void StoredWeights_UseEachConnectionsOwnValue()
    {
        var program = ProgramCompiler.Compile(CompilerTests.SmallNet(), WeightMode.Stored);
        float x1 = 0.3f, x2 = -0.8f;
        float hidden = MathF.Tanh(0.5f * x1 + 2f * x2);
        float expected = 1f * hidden - 1f;
        Assert.Equal(expected, ReferenceInterpreter.Evaluate(program, new[] { x1, x2 }, 1f)[0], 6);
    }

    [Fact]
    public void InputsAreNotActivated_AndANodeWithoutInputsGivesActOfZero()
    {
        // A lone gaussian hidden node feeding the output: gauss(0) = 1.
        var genome = CompilerTests.SmallNet();
        genome.Nodes[4] = genome.Nodes[4] with { Activation = Activations.ActivationFunction.Gaussian };
        genome.Connections.RemoveAll(c => c.Destination == 4);
        var program = ProgramCompiler.Compile(genome, WeightMode.Shared);
        Assert.Equal(1f * (1f + 1f), ReferenceInterpreter.Evaluate(program, new[] { 5f, 7f }, 1f)[0], 6);
    }

    [Fact]
    public void WrongInputCount_IsRejected() =>
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Evaluate(ProgramCompiler.Compile(CompilerTests.SmallNet(), WeightMode.Shared), new[] { 1f }, 1f));
}
