using Wann.Engine;
using Wann.Engine.Datasets;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;
using Wann.Host.Commands;
using Wann.Host.Runs;
using Wann.Kernels.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>Turns a task name and the command's options into a task: a named one, or <c>csv</c> built from the user's files.</summary>
public static class TaskResolver
{
    /// <summary>
    /// The task <paramref name="name"/>; for <c>csv</c>, loaded from --train and --test (which other tasks refuse),
    /// or without them from the data files <paramref name="runFolder"/> (a csv run's folder) names.
    /// </summary>
    public static TaskSpec Get(string name, ICsvDataOptions options, string where, string? runFolder = null)
    {
        var source = CsvSource(name, options, runFolder);
        return source is null ? TaskRegistry.Get(name, where) : CsvTask.From(source.Load());
    }

    /// <summary>Shape from --task or --io (exactly one of them, or neither); task csv has no fixed shape, so none.</summary>
    public static NetworkShape? ShapeFrom(string? task, string? io)
    {
        if (task is not null && io is not null) throw new WannException("give either --task or --io, not both");
        if (task is not null && CsvTask.Is(task)) return null;
        if (task is not null) return TaskRegistry.Get(task, "--task").Shape;
        if (io is not null) return NetworkShape.Parse(io, "--io");
        return null;
    }

    /// <summary>
    /// The CSV files of a csv task (null for the other tasks), checked for presence and consistency: --train and
    /// --test, or without them those of <paramref name="runFolder"/> (a csv run's folder, its files checked against their hashes).
    /// </summary>
    public static CsvClassificationSource? CsvSource(string name, ICsvDataOptions options, string? runFolder = null)
    {
        if (!CsvTask.Is(name))
        {
            if (options.TrainFile is not null || options.TestFile is not null || options.Label is not null || options.Drop is not null)
                throw new WannException($"--train, --test, --label and --drop belong to --task csv, not to task '{name}'");
            return null;
        }
        if (options is { TrainFile: null, TestFile: null, Label: null, Drop: null } && runFolder is not null) return CsvTaskFile.Read(runFolder);
        if (options.TrainFile is null || options.TestFile is null)
            throw new WannException("task 'csv' needs --train FILE and --test FILE");
        var scaling = options.Scale.ToLowerInvariant() switch
        {
            "standard" => CsvScaling.Standard,
            "none" => CsvScaling.None,
            _ => throw new WannException($"--scale: '{options.Scale}' is not standard or none"),
        };
        var drop = options.Drop?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (drop is { Length: 0 }) throw new WannException("--drop: no column named");
        return new CsvClassificationSource(options.TrainFile, options.TestFile, options.Label, scaling, drop);
    }
}
