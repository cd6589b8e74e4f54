using MathNet.Numerics.Statistics;
using System.Text.Json.Nodes;
using Wann.Engine.Activations;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Engine.Tests;

/// <summary>
/// The original's expression of disabled hidden-to-hidden connections (<see cref="ConnectionExpression"/>).
/// </summary>
/// <remarks>
/// Where the values come from: the original's <c>wann_src/ind.py</c>. <c>getNodeOrder</c> writes every
/// connection gene into a node x node matrix (rows and columns in node-gene order: bias, inputs, outputs,
/// hidden), puts nan where a gene is disabled, then takes <c>connMat = wMat[nIns+nOuts:, nIns+nOuts:]</c>,
/// the hidden-to-hidden block, as a numpy view and runs <c>connMat[connMat != 0] = 1</c> for its topological
/// sort. nan != 0 is true, so that line turns the nan of a disabled hidden-to-hidden gene back into 1 in
/// <c>wMat</c> itself; the nan of any other disabled gene stays. <c>express()</c> then zeroes the remaining
/// nans and sets nConn = the number of non-zero entries; task.py's <c>setWeights</c> gives every non-zero
/// entry the shared weight w, and <c>act()</c> evaluates nodes in the sorted order.
///
/// The genome here (<see cref="Grown"/>): bias 0, inputs 1 and 2, output 3, grown by three splits: 1->3 by
/// node 4 (linear), 4->3 by node 5 (linear), 4->5 by node 6 (abs). Genes: 0->3 off, 1->3 off, 2->3, 1->4,
/// 4->3 off, 4->5 off, 5->3, 4->6, 6->5. Hidden block (nodes 4, 5, 6): 4->5 (nan -> 1), 4->6, 6->5, so the
/// sort gives 4, 6, 5, and nConn = 2->3, 1->4, 4->5, 5->3, 4->6, 6->5 = 6 (5 genes are enabled). With
/// inputs (x1, x2) = (0.5, 0.25): v4 = w x1, v6 = |w v4|, v5 = w v4 + w v6, out = w v5 + w x2; at w = 1 that
/// is 0.5, 0.5, 1.0, 1.25; at w = -1.5 it is -0.75, 1.125, -0.5625, 0.46875. Without the accident v5 = w v6:
/// out 0.75 and 2.15625. tests/golden/make_expression_golden.py runs the original's own code on these genes
/// and prints the same numbers (and those of the split and re-enabled genomes below). Every value is a
/// short binary fraction, so float arithmetic gives it exactly.
/// </remarks>
public sealed class ExpressionTests
{
    private static readonly float[] Inputs = { 0.5f, 0.25f };

    internal static Genome Grown(ConnectionExpression expression)
    {
        var nodes = new List<NodeGene>
        {
            new(0, NodeKind.Bias, ActivationFunction.Linear),
            new(1, NodeKind.Input, ActivationFunction.Linear),
            new(2, NodeKind.Input, ActivationFunction.Linear),
            new(3, NodeKind.Output, ActivationFunction.Linear),
            new(4, NodeKind.Hidden, ActivationFunction.Linear),
            new(5, NodeKind.Hidden, ActivationFunction.Linear),
            new(6, NodeKind.Hidden, ActivationFunction.Absolute),
        };
        var connections = new List<ConnectionGene>
        {
            new(0, 0, 3, false, 1f),
            new(1, 1, 3, false, 1f),
            new(2, 2, 3, true, 1f),
            new(3, 1, 4, true, 1f),
            new(4, 4, 3, false, 1f),
            new(5, 4, 5, false, 1f),
            new(6, 5, 3, true, 1f),
            new(7, 4, 6, true, 1f),
            new(8, 6, 5, true, 1f),
        };
        return new Genome(new NetworkShape(2, 1), nodes, connections, expression);
    }

    private static float Output(Genome genome, float weight) =>
        ReferenceInterpreter.Evaluate(ProgramCompiler.Compile(genome, WeightMode.Shared), Inputs, weight).Single();

    [Fact]
    public void OriginalRule_EvaluatesAndCountsADisabledHiddenToHiddenConnection_AsTheOriginalDoes()
    {
        var genome = Grown(ConnectionExpression.Original);
        Assert.Equal(5, genome.EnabledConnectionCount);
        Assert.Equal(6, genome.ExpressedConnectionCount);
        Assert.Equal(6, ProgramCompiler.Compile(genome, WeightMode.Shared).EdgeSource.Length);
        Assert.Equal(1.25f, Output(genome, 1f));
        Assert.Equal(0.46875f, Output(genome, -1.5f));
    }

    [Fact]
    public void Count_DoesNotAssumeNodeIdsArePositions()
    {
        // The same genes with ids that are not positions: the fixed nodes get 10..13 and the hidden nodes
        // 0, 1, 2 (below the fixed count, where a direct look at Nodes[id] finds a fixed node of another id).
        var grown = Grown(ConnectionExpression.Original);
        int Relabel(int id) => id <= 3 ? id + 10 : id - 4;
        var nodes = grown.Nodes.Select(n => n with { Id = Relabel(n.Id) }).ToList();
        var connections = grown.Connections.Select(c => c with { Source = Relabel(c.Source), Destination = Relabel(c.Destination) }).ToList();
        var relabelled = new Genome(grown.Shape, nodes, connections, ConnectionExpression.Original);
        Assert.Null(relabelled.Validate());
        Assert.Equal(6, relabelled.ExpressedConnectionCount);
        Assert.Equal(relabelled.ExpressedConnectionCount, ConnectionExpression.Original.Mask(relabelled).Count(live => live));
    }

    [Fact]
    public void EnabledOnlyRule_DropsIt_AsThePaperDescribes()
    {
        var genome = Grown(ConnectionExpression.EnabledOnly);
        Assert.Equal(5, genome.ExpressedConnectionCount);
        Assert.Equal(5, ProgramCompiler.Compile(genome, WeightMode.Shared).EdgeSource.Length);
        Assert.Equal(0.75f, Output(genome, 1f));
        Assert.Equal(2.15625f, Output(genome, -1.5f));
    }

    [Fact]
    public void DisabledConnectionsFromInputsOrIntoOutputs_StayOff_UnderEitherRule()
    {
        foreach (var rule in new[] { ConnectionExpression.Original, ConnectionExpression.EnabledOnly })
        {
            var genome = Grown(rule);
            var live = rule.Mask(genome);
            // Genes 0->3 (bias to output), 1->3 (input to output) and 4->3 (hidden to output).
            Assert.False(live[0]);
            Assert.False(live[1]);
            Assert.False(live[4]);
            Assert.Equal(rule == ConnectionExpression.Original, live[5]);

            // With 1->4 disabled too, the original leaves its nan (an input row, outside the hidden block):
            // nConn 5 (4->5 still counts), and nothing reaches node 4, so out = w x2: 0.25 and -0.375
            // (make_expression_golden.py, "input-off").
            genome.Connections[3] = genome.Connections[3].WithEnabled(false);
            Assert.False(rule.Mask(genome)[3]);
            Assert.Equal(rule == ConnectionExpression.Original ? 5 : 4, genome.ExpressedConnectionCount);
            Assert.Equal(0.25f, Output(genome, 1f));
            Assert.Equal(-0.375f, Output(genome, -1.5f));
        }
    }

    [Fact]
    public void OutExport_UnderTheOriginalRule_IsTheOriginalsExportedMatrix()
    {
        // make_expression_golden.py: the original's exportNet(wMat, aVec) after express() on the same genes.
        const string original =
            "0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,nan,1.00e+00\n" +
            "0.00e+00,0.00e+00,0.00e+00,1.00e+00,0.00e+00,0.00e+00,nan,1.00e+00\n" +
            "0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,1.00e+00,1.00e+00\n" +
            "0.00e+00,0.00e+00,0.00e+00,0.00e+00,1.00e+00,1.00e+00,nan,1.00e+00\n" +
            "0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,1.00e+00,0.00e+00,8.00e+00\n" +
            "0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,1.00e+00,1.00e+00\n" +
            "0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,0.00e+00,1.00e+00\n";
        Assert.Equal(original, OutMatrixFormat.Format(Grown(ConnectionExpression.Original)));
        // The paper's rule writes the disabled hidden-to-hidden gene (row of node 4, column of node 5) as nan.
        var enabledOnly = OutMatrixFormat.Format(Grown(ConnectionExpression.EnabledOnly)).Split('\n');
        Assert.Equal("0.00e+00,0.00e+00,0.00e+00,0.00e+00,1.00e+00,nan,nan,1.00e+00", enabledOnly[3]);
    }

    [Fact]
    public void OutImport_KeepsEveryNanOff_SoBothExportsEvaluateAsTheyWereWritten()
    {
        foreach (var rule in new[] { ConnectionExpression.Original, ConnectionExpression.EnabledOnly })
        {
            var genome = Grown(rule);
            var back = OutMatrixFormat.Parse(OutMatrixFormat.Format(genome), genome.Shape, "t.out");
            Assert.Same(ConnectionExpression.EnabledOnly, back.Expression);
            Assert.Equal(genome.ExpressedConnectionCount, back.ExpressedConnectionCount);
            Assert.Equal(Output(genome, 1f), Output(back, 1f));
            Assert.Equal(Output(genome, -1.5f), Output(back, -1.5f));
        }
    }

    [Fact]
    public void SplittingAHiddenToHiddenConnection_LeavesTheOldPathLive()
    {
        // Split 6->5 by a new linear node 7 (the original's mutAddNode: 6->7 weight 1, 7->5 the old weight, 6->5
        // disabled). The original then expresses 8 connections (6 genes enabled): the old 6->5 is a parallel
        // path, so v5 = w v4 + w v6 + w v7 with v7 = w v6: outputs 1.75 at w = 1 and -3.328125 at w = -1.5
        // (make_expression_golden.py, "split"); without the accident 0.75 and -4.171875.
        var mutator = new Mutator(new[] { ActivationFunction.Linear }, 0, 1, 0, 0);
        var (original, enabledOnly) = (Split(ConnectionExpression.Original), Split(ConnectionExpression.EnabledOnly));
        Assert.Equal(8, original.ExpressedConnectionCount);
        Assert.Equal(1.75f, Output(original, 1f));
        Assert.Equal(-3.328125f, Output(original, -1.5f));
        Assert.Equal(6, enabledOnly.ExpressedConnectionCount);
        Assert.Equal(0.75f, Output(enabledOnly, 1f));
        Assert.Equal(-4.171875f, Output(enabledOnly, -1.5f));

        Genome Split(ConnectionExpression rule)
        {
            for (ulong seed = 1; ; seed++)
            {
                var genome = Grown(rule);
                Assert.True(mutator.AddNode(genome, new SeededRandom(seed), new InnovationCounter(7, 9)));
                if (!genome.Connections[8].Enabled) return genome; // the split took 6->5
            }
        }
    }

    [Fact]
    public void ReEnablingAHiddenToHiddenConnection_ChangesNoOutput_UnderTheOriginalRule()
    {
        var mutator = new Mutator(new[] { ActivationFunction.Linear }, 0, 0, 1, 0);
        foreach (var rule in new[] { ConnectionExpression.Original, ConnectionExpression.EnabledOnly })
        {
            var before = Grown(rule);
            Genome after;
            ulong seed = 1;
            do
            {
                after = before.Clone();
                Assert.True(mutator.EnableConnection(after, new SeededRandom(seed++)));
            } while (!after.Connections[5].Enabled); // the mutation picked 4->5
            var weights = new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f, 1.37f };
            var outputsBefore = weights.Select(w => Output(before, w)).ToArray();
            var outputsAfter = weights.Select(w => Output(after, w)).ToArray();
            if (rule == ConnectionExpression.Original)
            {
                Assert.Equal(before.ExpressedConnectionCount, after.ExpressedConnectionCount);
                Assert.Equal(outputsBefore, outputsAfter);
                Assert.Equal(ProgramCompiler.Compile(before, WeightMode.Shared).EdgeSource, ProgramCompiler.Compile(after, WeightMode.Shared).EdgeSource);
            }
            else
            {
                Assert.Equal(before.ExpressedConnectionCount + 1, after.ExpressedConnectionCount);
                Assert.NotEqual(outputsBefore, outputsAfter);
            }
        }
    }

    [Fact]
    public void Compile_OrdersNodesByTheLiveDisabledEdge_EvenWithoutAnEnabledPath()
    {
        // Hidden node 5 sits before node 4 in the node list, and only a disabled 4->5 orders them: a genome
        // that a search cannot make (a split always leaves an enabled path), but a file can hold.
        var nodes = new List<NodeGene>
        {
            new(0, NodeKind.Bias, ActivationFunction.Linear),
            new(1, NodeKind.Input, ActivationFunction.Linear),
            new(2, NodeKind.Output, ActivationFunction.Linear),
            new(5, NodeKind.Hidden, ActivationFunction.Linear),
            new(4, NodeKind.Hidden, ActivationFunction.Inverse),
        };
        var connections = new List<ConnectionGene>
        {
            new(0, 1, 4, true, 1f),
            new(1, 4, 5, false, 1f),
            new(2, 1, 5, true, 1f),
            new(3, 5, 2, true, 1f),
        };
        var genome = new Genome(new NetworkShape(1, 1), nodes, connections);
        var program = ProgramCompiler.Compile(genome, WeightMode.Shared);
        for (int i = 0; i < program.InstructionCount; i++)
            for (int k = program.FirstEdge[i]; k < program.FirstEdge[i] + program.EdgeCount[i]; k++)
                Assert.True(program.EdgeSource[k] < program.FirstComputedSlot + i);
        // v4 = -(w x), v5 = w x + w v4, out = w v5: at w = 2, x = 1: v4 = -2, v5 = 2 - 4 = -2, out = -4.
        Assert.Equal(-4f, ReferenceInterpreter.Evaluate(program, new[] { 1f }, 2f).Single());
        Assert.Equal(4f, ReferenceInterpreter.Evaluate(ProgramCompiler.Compile(genome.WithExpression(ConnectionExpression.EnabledOnly), WeightMode.Shared), new[] { 1f }, 2f).Single());
    }

    [Fact]
    public void AddConnection_NeverClosesACycleThroughALiveDisabledEdge()
    {
        // Nodes 4 and 5 both hang off input 1, and only the disabled 4->5 says which comes first: the layers
        // add-connection uses must see it (as the original's getLayer sees the expressed matrix), or 5->4 would close a loop.
        var nodes = new List<NodeGene>
        {
            new(0, NodeKind.Bias, ActivationFunction.Linear),
            new(1, NodeKind.Input, ActivationFunction.Linear),
            new(2, NodeKind.Output, ActivationFunction.Linear),
            new(4, NodeKind.Hidden, ActivationFunction.Linear),
            new(5, NodeKind.Hidden, ActivationFunction.Linear),
        };
        var mutator = new Mutator(new[] { ActivationFunction.Linear }, 1, 0, 0, 0);
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var connections = new List<ConnectionGene> { new(0, 1, 4, true, 1f), new(1, 1, 5, true, 1f), new(2, 4, 5, false, 1f) };
            var genome = new Genome(new NetworkShape(1, 1), new List<NodeGene>(nodes), connections);
            var random = new SeededRandom(seed);
            while (mutator.AddConnection(genome, random, new InnovationCounter(6, 3 + genome.Connections.Count))) { }
            Assert.DoesNotContain(genome.Connections, c => c.Source == 5 && c.Destination == 4);
            Assert.NotNull(TopologicalOrder.Of(genome, ConnectionExpression.Original.Mask(genome)));
        }
    }

    [Fact]
    public void Config_DefaultsToTheOriginalRule_AndTheKeyTurnsItOff()
    {
        Assert.True(new Hyperparameters().ExpressDisabledHidden);
        Assert.Same(ConnectionExpression.Original, new Hyperparameters().Expression);
        var off = HyperparameterLoader.ApplyJson(new Hyperparameters(), "{\"express_disabled_hidden\": false}", "t.json");
        Assert.Same(ConnectionExpression.EnabledOnly, off.Expression);
        var back = HyperparameterLoader.ApplyJson(new Hyperparameters(), HyperparameterLoader.ToJson(off), "config.json");
        Assert.Equal(off, back);
        Assert.Contains("\"express_disabled_hidden\": false", HyperparameterLoader.ToJson(off));
    }

    [Theory]
    [InlineData("{\"express_disabled_hidden\": 1}", "key 'express_disabled_hidden' must be true or false, got 1")]
    [InlineData("{\"express_disabled_hidden\": \"true\"}", "key 'express_disabled_hidden' must be true or false, got the string \"true\"")]
    [InlineData("{\"express_disabled_hidden\": null}", "key 'express_disabled_hidden' must be true or false, got null")]
    public void Config_RejectsANonBooleanValue_NamingTheKey(string json, string message)
    {
        var e = Assert.Throws<WannException>(() => HyperparameterLoader.ApplyJson(new Hyperparameters(), json, "t.json"));
        Assert.Equal("t.json: " + message, e.Message);
    }

    [Fact]
    public void NetworkJson_RecordsTheRule_AndAFileWithoutItGetsTheOriginals()
    {
        foreach (var rule in new[] { ConnectionExpression.Original, ConnectionExpression.EnabledOnly })
        {
            string json = NetworkJsonFormat.Format(new NetworkFile(Grown(rule), null, new Provenance("t")));
            Assert.Contains($"\"expressDisabledHidden\": {(rule.ExpressesDisabledHidden ? "true" : "false")}", json);
            Assert.Same(rule, NetworkJsonFormat.Parse(json, "t.json").Genome.Expression);
            var withoutKey = JsonNode.Parse(json)!.AsObject();
            Assert.True(withoutKey.Remove("expressDisabledHidden"));
            Assert.Same(ConnectionExpression.Original, NetworkJsonFormat.Parse(withoutKey.ToJsonString(), "t.json").Genome.Expression);
        }
    }

    /// <summary>Reward = minus the distance of the output from 1 on a fixed input: cheap, and it depends on every live edge.</summary>
    private sealed class FixedInputEvaluator : IEvaluator
    {
        public string Name => "fixed-input";
        public string Device => "test";
        public void Dispose() { }

        public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
        {
            var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
            var input = new[] { 0.3f, -0.7f, 0.9f, 0.1f, -0.4f };
            for (int g = 0; g < batch.ProgramCount; g++)
                for (int w = 0; w < request.Weights.Length; w++)
                    for (int r = 0; r < request.Repetitions; r++)
                        table.Rewards[(g * request.Weights.Length + w) * request.Repetitions + r] =
                            -MathF.Abs(ReferenceInterpreter.Evaluate(batch.ProgramAt(g), input, request.Weights[w])[0] - 1f);
            return table;
        }
    }

    [Fact]
    public void Search_GivesEveryGenomeTheSettingsRule_CountsWhatItExpresses_AndKeepsTheRuleThroughACheckpoint()
    {
        foreach (bool express in new[] { true, false })
        {
            // Mostly add-node and no pull towards small networks, so that most genomes soon hold disabled
            // hidden-to-hidden genes.
            var settings = new Hyperparameters
            {
                PopulationSize = 24, Repetitions = 1, WeightCount = 2, ExpressDisabledHidden = express, ProbMoo = 0,
                ProbAddNode = 0.8, ProbAddConnection = 0.1, ProbEnable = 0, ProbMutateActivation = 0.1,
            };
            var search = new WannSearch(settings, TestTasks.SwingUp, new FixedInputEvaluator());
            var state = WannSearch.NewRun(settings, TestTasks.SwingUp, 5);
            bool sawLiveDisabledEdge = false;
            for (int g = 0; g < 40; g++)
            {
                var counts = state.Population.Select(p => (double)p.ExpressedConnectionCount).ToArray();
                sawLiveDisabledEdge |= counts.Median() != state.Population.Select(p => (double)p.EnabledConnectionCount).Median();
                var report = search.Step(state);
                Assert.Equal(counts.Median(), report.MedianConnections);
            }
            // Under the original's rule the median must have differed from that of the enabled counts, or this tested nothing.
            Assert.Equal(express, sawLiveDisabledEdge);
            Assert.All(state.Population, p => Assert.Same(settings.Expression, p.Expression));
            var back = CheckpointFormat.Parse(CheckpointFormat.ToBytes(new Checkpoint(settings, 5, state)), "checkpoint.bin");
            Assert.All(back.State.Population, p => Assert.Same(settings.Expression, p.Expression));
        }
    }
}
