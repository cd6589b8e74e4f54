using System.Text.Json;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Wann.Host.Tests;

/// <summary>Runs the <c>wann</c> program in-process, capturing its exit status and output.</summary>
public static class HostRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs with <paramref name="input"/> as standard input.</summary>
    public static Result RunWithInput(string input, params string[] args) => Capture(() => Program.Main(args), input);

    /// <summary>Runs <paramref name="run"/> (a command called directly) with its console output captured.</summary>
    public static Result Capture(Func<int> run, string input = "")
    {
        var oldOut = Console.Out;
        var oldError = Console.Error;
        var oldIn = Console.In;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        Console.SetIn(new StringReader(input));
        try
        {
            int code = run();
            return new Result(code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Console.SetIn(oldIn);
        }
    }

    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "wann-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static double[][] ReadCsv(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',').Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();

    /// <summary>log.jsonl without the wall-clock and memory fields, which differ between runs.</summary>
    public static string[] LogWithoutTimes(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "log.jsonl")).Select(line =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            node.Remove("seconds");
            node.Remove("lanesPerSecond");
            node.Remove("envStepsPerSecond");
            node.Remove("peakMemoryBytes");
            return node.ToJsonString();
        }).ToArray();

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
