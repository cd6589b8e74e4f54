using Wann.Kernels.Backends;
using Wann.Engine.Activations;
using Wann.Engine.Config;
using Wann.Kernels.Cpu;
using Wann.Kernels.Tasks;
using Wann.Pins.Pins;

namespace Wann.Kernels.Tests.Pins;

/// <summary>
/// What the reference computes, against the bits pinned in tests/pins (written by tools/Wann.Pins, never here).
/// The conformance suite holds every backend to the reference; these hold the reference itself, so a change that
/// moves every backend together (a formula, a constant, the search) fails until a pin is rewritten on purpose.
/// </summary>
public sealed class PinnedBitsTests
{
    private static readonly IReadOnlyList<IPinSet> Sets = PinSets.All(TestPaths.RepositoryRoot);

    public static TheoryData<string, string> Pins()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in Sets)
            foreach (string name in set.Names) data.Add(set.FileName, name);
        return data;
    }

    public static TheoryData<string> FunctionNames() => new(new FunctionPins().Names);

    private static Pin Pinned(string file, string name)
    {
        string path = Path.Combine(PinFile.Folder(TestPaths.RepositoryRoot), file);
        Assert.True(File.Exists(path), $"{path} is missing: run {PinFile.WriteCommand}");
        Assert.True(PinFile.Read(path).TryGetValue(name, out var pin), $"{file} has no pin '{name}': run {PinFile.WriteCommand} and say why in the commit");
        return pin!;
    }

    private static void AssertSame(Pin pinned, Pin now, string file, string how)
    {
        if (pinned.Sha256 == now.Sha256) return;
        var moved = now.DifferencesFrom(pinned).ToList();
        Assert.Fail($"pin '{now.Name}' ({file}) {how} changed: sha256 {now.Sha256}, pinned {pinned.Sha256}" +
                    (moved.Count > 0 ? $"; {string.Join("; ", moved)}" : "; the values shown in the file did not move, others did") +
                    $". If the change is deliberate, run {PinFile.WriteCommand} and give the reason in the commit.");
    }

    [Theory]
    [MemberData(nameof(Pins))]
    public void Reference_ComputesThePinnedBits(string file, string name) =>
        AssertSame(Pinned(file, name), Sets.Single(s => s.FileName == file).Compute(name), file, "on the reference");

    [Fact]
    public void EachPinFile_HoldsExactlyThePinsItsSetComputes()
    {
        foreach (var set in Sets)
        {
            var pinned = PinFile.Read(Path.Combine(PinFile.Folder(TestPaths.RepositoryRoot), set.FileName)).Keys.Order();
            Assert.Equal(set.Names.Order(), pinned);
        }
    }

    /// <summary>The SIMD backend's lane type (8 or 16 floats a vector) gives every function's pinned bits too.</summary>
    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void FunctionPin_HoldsForTheSimdVectorLane(string name)
    {
        var function = FunctionPins.Function(name);
        var inputs = PinInputs.Values.ToArray();
        Assert.Equal(0, inputs.Length % VectorLane.Count);
        var outputs = new float[inputs.Length];
        for (int i = 0; i < inputs.Length; i += VectorLane.Count)
            function.Apply(VectorLane.Load(inputs.AsSpan(i))).Store(outputs.AsSpan(i));
        AssertSame(Pinned("functions.json", name), FunctionPins.FromOutputs(name, outputs), "functions.json", $"on {VectorLane.Count}-wide vectors");
    }

    [Fact]
    public void SearchPin_HoldsOnTheSimdBackend() =>
        AssertSame(Pinned("search.json", SearchPins.TrajectoryPin), SearchPins.Run(new SimdEvaluator(2)), "search.json", "on the cpu backend");

    /// <summary>The classification search's pin on every CPU backend: the search's log is the same bits on each (rule 8).</summary>
    [Theory]
    [InlineData("cpu")]
    [InlineData("ilgpu-cpu")]
    public void ClassificationSearchPin_HoldsOnTheCpuBackends(string backend) =>
        AssertSame(Pinned("search.json", SearchPins.ClassificationPin),
            SearchPins.RunClassification(BackendList.Create(backend, threads: 2), TestPaths.RepositoryRoot), "search.json", $"on the {backend} backend");

    [Fact]
    public void FunctionPins_CoverEveryActivationId_AndEveryKindOfInput()
    {
        var names = new FunctionPins().Names;
        foreach (var f in Enum.GetValues<ActivationFunction>())
            Assert.Contains($"activation/{(int)f} {Activation.Name(f)}", names);
        var inputs = PinInputs.Values;
        Assert.Equal(PinInputs.Count, inputs.Count);
        Assert.Contains(inputs, x => x == 0 && float.IsNegative(x));
        Assert.Contains(inputs, float.IsNaN);
        Assert.Contains(inputs, float.IsSubnormal);
        Assert.Contains(inputs, float.IsPositiveInfinity);
        Assert.Contains(inputs, x => Math.Abs(x) > 1e30f && float.IsFinite(x));
    }

    [Fact]
    public void TaskPins_CoverEveryActivation_TheSixStandardWeights_AndStoredWeights()
    {
        foreach (var task in TaskRegistry.Simulated)
        {
            var (shared, sharedRequest, stored, storedRequest) = TaskPins.Inputs(task);
            Assert.Equal(Enum.GetValues<ActivationFunction>().Select(f => (int)f), shared.Activation.Distinct().Order());
            Assert.Equal(StandardWeights.Copy(), sharedRequest.Weights);
            Assert.True(shared.EdgeScalesAllOne, $"{task.Name}: shared-weight batch");
            Assert.False(stored.EdgeScalesAllOne, $"{task.Name}: stored-weight batch");
            Assert.Equal(new[] { 1f }, storedRequest.Weights);
        }
    }
}
