using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Host.Output.Drawing;
using Wann.Host.Output.Export;

namespace Wann.Host.Tests;

/// <summary>Every activation id has what exports and drawings need, from its <see cref="ActivationTable"/> row.</summary>
public sealed class ActivationOutputTests
{
    public static TheoryData<ActivationFunction> Ids() => new(Enum.GetValues<ActivationFunction>());

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryId_HasAnOnnxForm_AGlyph_AndAColour(ActivationFunction id)
    {
        var genome = new Genome(new NetworkShape(1, 1),
            new List<NodeGene> { new(0, NodeKind.Bias, ActivationFunction.Linear), new(1, NodeKind.Input, ActivationFunction.Linear), new(2, NodeKind.Output, id) },
            new List<ConnectionGene> { new(0, 1, 2, true, 1f) });
        Assert.NotEmpty(OnnxNetworkWriter.Write(ProgramCompiler.Compile(genome, WeightMode.Shared), 1f, "one"));
        Assert.NotEqual("?", ActivationStyle.Glyph(id));
        Assert.Matches("^#[0-9a-f]{6}$", ActivationStyle.Colour(id));
        Assert.NotEqual("#000000", ActivationStyle.Colour(id));
    }

    [Fact]
    public void UnknownId_IsOneClearError_InTheOnnxWriter()
    {
        var program = ProgramCompiler.Compile(new Genome(new NetworkShape(1, 1),
            new List<NodeGene> { new(0, NodeKind.Bias, ActivationFunction.Linear), new(1, NodeKind.Input, ActivationFunction.Linear), new(2, NodeKind.Output, ActivationFunction.Linear) },
            new List<ConnectionGene> { new(0, 1, 2, true, 1f) }), WeightMode.Shared);
        program.Activation[0] = 12;
        Assert.Contains("activation id 12 has no ONNX form", Assert.Throws<Engine.WannException>(() => OnnxNetworkWriter.Write(program, 1f, "bad")).Message);
    }
}
