using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wann.Engine.Formats;

namespace Wann.Host.Runs;

/// <summary>
/// run.json: how a run was made, so a run folder describes itself. The top level holds the latest session
/// (seed, task, backend, device, command line, wann version and the git commit it was built from, machine);
/// <c>sessions</c> lists every start and resume in order.
/// </summary>
public static class RunInfo
{
    public const string FileName = "run.json";

    /// <summary>Adds a session (a start, or a resume from <paramref name="fromGeneration"/>) to the folder's run.json.</summary>
    public static void Record(string folder, ulong seed, string task, string backend, string device, IReadOnlyList<string> arguments, long fromGeneration)
    {
        string path = Path.Combine(folder, FileName);
        var session = new JsonObject
        {
            ["started"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["fromGeneration"] = fromGeneration,
            ["seed"] = seed,
            ["task"] = task,
            ["backend"] = backend,
            ["device"] = device,
            ["commandLine"] = CommandLine(arguments),
            ["version"] = BuildInfo.Version,
            ["commit"] = BuildInfo.Commit,
            ["machine"] = Environment.MachineName,
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["processors"] = Environment.ProcessorCount,
        };
        var sessions = new JsonArray();
        if (Read(path) is { } earlier)
        {
            if (earlier["sessions"] is JsonArray list)
                foreach (var s in list) sessions.Add(s?.DeepClone());
            else
            {
                // A run.json from before the session list: its top level is the first session.
                var first = (JsonObject)earlier.DeepClone();
                first.Remove("format");
                sessions.Add(first);
            }
        }
        sessions.Add(session.DeepClone());
        var document = new JsonObject { ["format"] = "wann-gpu-run" };
        foreach (var (key, value) in session) document[key] = value?.DeepClone();
        document["sessions"] = sessions;
        AtomicFile.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>
    /// The folder's run.json, or null where it has none (runs made before it existed). One that cannot be
    /// read is refused, never replaced: it holds the run's history.
    /// </summary>
    public static JsonObject? Read(string path)
    {
        if (!File.Exists(path)) return null;
        string hint = "it holds the run's history: repair it or move it aside";
        JsonNode? node;
        try { node = StrictJson.ParseNode(BoundedFile.ReadText(path, FileLimit.RunInfo), path); }
        catch (Wann.Engine.WannException e) { throw new Wann.Engine.WannException($"{e.Message}; {hint}"); }
        if (node is not JsonObject document || (document.TryGetPropertyValue("sessions", out var sessions) && sessions is not JsonArray))
            throw new Wann.Engine.WannException($"{path}: not a run description (a JSON object with a 'sessions' list); {hint}");
        return document;
    }

    /// <summary>The command as a shell would take it back: "wann" and each argument, quoted where needed.</summary>
    public static string CommandLine(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { "wann" }.Concat(arguments.Select(Quote)));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";
}
