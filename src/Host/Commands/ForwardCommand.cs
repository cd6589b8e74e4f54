using Wann.Host.Evaluation;
using System.Text;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Kernels.Backends;
using Wann.Host.Output;

namespace Wann.Host.Commands;

/// <summary>
/// <c>wann forward</c>: the reference interpreter on rows of inputs. A network that carries a data contract (a csv
/// network) takes raw rows as <c>predict</c> does: its features found by name or place and scaled as in training.
/// </summary>
public static class ForwardCommand
{
    public static int Run(ForwardOptions options)
    {
        if (options.Stored == options.Weight.HasValue)
            throw new WannException("give exactly one of --weight W and --stored");
        if (options.Weight is { } w && !float.IsFinite(w))
            throw new WannException($"--weight: {w} is not a finite number");

        var network = NetworkAndTask.LoadNetwork(options.Net, TaskResolver.ShapeFrom(options.Task, options.Io), options.Task);
        var program = ProgramCompiler.Compile(network.Genome, options.Stored ? WeightMode.Stored : WeightMode.Shared);
        var (inputs, rows) = network.Data is { } contract ? ContractInputs.Read(options.Inputs, contract) : Plain(options.Inputs, program.InputCount);

        float weight = options.Weight ?? 1f;
        using var backend = BackendFactory.Create(BackendNames.Parse(options.Backend));
        var outputs = backend.Forward(ProgramBatch.Concatenate(new[] { program }), new[] { weight }, inputs);
        var text = new StringBuilder();
        for (int r = 0; r < rows; r++)
            text.AppendJoin(',', outputs.AsSpan(r * program.OutputCount, program.OutputCount).ToArray().Select(CsvRows.Format)).Append('\n');

        if (options.Out is null) Console.Out.Write(text.ToString());
        else AtomicFile.WriteAllText(options.Out, text.ToString());
        return 0;
    }

    /// <summary>Rows of network inputs, one value an input.</summary>
    private static (float[] Inputs, int Rows) Plain(string path, int width)
    {
        var rows = CsvRows.Read(path, width);
        return (rows.SelectMany(r => r).ToArray(), rows.Count);
    }
}
