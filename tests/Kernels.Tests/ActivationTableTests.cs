using Wann.Engine.Activations;
using Wann.Engine.Programs;
using Wann.Kernels.Checks;
using Wann.Kernels.Cpu;
using Wann.Kernels.Reference;

namespace Wann.Kernels.Tests;

/// <summary>
/// Every activation id has its one row in <see cref="ActivationTable"/> and reaches the same formula everywhere:
/// through <see cref="Activation.Dispatch{TVisitor, TResult}"/> (reference, kernels), through the row, and through the
/// SIMD forward pass's own switch. An id missing anywhere fails here.
/// </summary>
public sealed class ActivationTableTests
{
    public static TheoryData<ActivationFunction> Ids() => new(Enum.GetValues<ActivationFunction>());

    private readonly struct FormulaOf : IActivationVisitor<(Type Formula, ActivationFunction Id)>
    {
        public (Type, ActivationFunction) Visit<TFormula>() where TFormula : struct, IActivationFormula => (typeof(TFormula), TFormula.Id);
        public (Type, ActivationFunction) Unknown(int id) => (typeof(void), (ActivationFunction)id);
    }

    private sealed class FormulaOfRow : IActivationVisitor<Type>
    {
        public Type Visit<TFormula>() where TFormula : struct, IActivationFormula => typeof(TFormula);
        public Type Unknown(int id) => typeof(void);
    }

    [Fact]
    public void Rows_AreTheEnumsIds_InOrder_WithDistinctNamesAndColours()
    {
        Assert.Equal(Enum.GetValues<ActivationFunction>(), ActivationTable.Entries.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(ActivationTable.MinId, ActivationTable.Entries.Count), ActivationTable.Entries.Select(e => (int)e.Id));
        Assert.Equal(ActivationTable.Entries.Count, ActivationTable.Entries.Select(e => e.Name).Distinct().Count());
        Assert.Equal(ActivationTable.Entries.Count, ActivationTable.Entries.Select(e => e.Style.Colour).Distinct().Count());
        Assert.All(ActivationTable.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Name)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_ReachesItsRowsFormula_ThroughDispatchAndThroughTheRow(ActivationFunction id)
    {
        var row = ActivationTable.Of(id);
        var (formula, declared) = Activation.Dispatch<FormulaOf, (Type, ActivationFunction)>((int)id, default);
        Assert.Equal(row.Formula, formula);
        Assert.Equal(id, declared);
        Assert.Equal(row.Formula, row.Visit(new FormulaOfRow()));
        Assert.True(Activation.IsValidId((int)id));
        Assert.Equal(row.Name, Activation.Name(id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(255)]
    public void UnknownId_HasNoRow_AndDispatchesToUnknown(int id)
    {
        Assert.Null(ActivationTable.Find(id));
        Assert.False(Activation.IsValidId(id));
        Assert.Equal(typeof(void), Activation.Dispatch<FormulaOf, (Type, ActivationFunction)>(id, default).Item1);
    }

    /// <summary>One network a node of each activation: the SIMD forward pass (its own switch) gives the reference's bits.</summary>
    [Fact]
    public void EveryId_RunsThroughTheSimdForwardPass_AsOnTheReference()
    {
        var batch = ProgramBatch.Compile(ActivationTable.Entries.Select(e => BackendCheck.SingleNode(e.Id)).ToList(), WeightMode.Shared);
        float[] inputs = { -3f, -1f, -0.25f, 0f, 0.3f, 1f, 2.5f, 40f, float.NaN };
        float[] weights = { -2f, 0.5f, 1f };
        var expected = new ReferenceEvaluator().Forward(batch, weights, inputs);
        var actual = new SimdEvaluator(1).Forward(batch, weights, inputs);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]) || (float.IsNaN(expected[i]) && float.IsNaN(actual[i])),
                $"{ActivationTable.Entries[i / (weights.Length * inputs.Length)].Name}, output {i}: {actual[i]:R}, reference {expected[i]:R}");
    }
}
