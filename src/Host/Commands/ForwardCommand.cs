using Wann.Host.Evaluation;
using System.Text;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Kernels.Backends;
using Wann.Host.Output;

namespace Wann.Host.Commands;

/// <summary><c>wann forward</c>: the reference interpreter on rows of inputs.</summary>
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
        var rows = CsvRows.Read(options.Inputs, program.InputCount);

        float weight = options.Weight ?? 1f;
        using var backend = BackendFactory.Create(BackendNames.Parse(options.Backend));
        var outputs = backend.Forward(ProgramBatch.Concatenate(new[] { program }), new[] { weight }, rows.SelectMany(r => r).ToArray());
        var text = new StringBuilder();
        for (int r = 0; r < rows.Count; r++)
            text.AppendJoin(',', outputs.AsSpan(r * program.OutputCount, program.OutputCount).ToArray().Select(CsvRows.Format)).Append('\n');

        if (options.Out is null) Console.Out.Write(text.ToString());
        else AtomicFile.WriteAllText(options.Out, text.ToString());
        return 0;
    }
}
