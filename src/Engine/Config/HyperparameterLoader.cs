using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wann.Engine.Config;

/// <summary>
/// Reads the original JSON hyperparameter files: defaults, then a task file key by key, then flags.
/// Unknown keys, wrong types and out-of-range values are rejected with the file and key named.
/// </summary>
public static class HyperparameterLoader
{
    private enum Kind { Text, Integer, Number, Boolean }

    private sealed record Key(string Name, Kind Kind, Func<Hyperparameters, JsonElement, Hyperparameters> Apply, Func<Hyperparameters, object?> Read);

    private static readonly Key[] Keys =
    {
        new("task", Kind.Text, (h, v) => h with { Task = v.GetString()! }, h => h.Task),
        new("alg_wDist", Kind.Text, (h, v) => h with { WeightDistribution = v.GetString()! }, h => h.WeightDistribution),
        new("alg_nVals", Kind.Integer, (h, v) => h with { WeightCount = v.GetInt32() }, h => h.WeightCount),
        new("alg_nReps", Kind.Integer, (h, v) => h with { Repetitions = v.GetInt32() }, h => h.Repetitions),
        new("alg_probMoo", Kind.Number, (h, v) => h with { ProbMoo = v.GetDouble() }, h => h.ProbMoo),
        new("alg_nMean", Kind.Integer, (h, v) => h with { MeanCount = v.GetInt32() }, h => h.MeanCount),
        new("maxGen", Kind.Integer, (h, v) => h with { MaxGenerations = v.GetInt32() }, h => h.MaxGenerations),
        new("popSize", Kind.Integer, (h, v) => h with { PopulationSize = v.GetInt32() }, h => h.PopulationSize),
        new("prob_crossover", Kind.Number, (h, v) => h with { ProbCrossover = v.GetDouble() }, h => h.ProbCrossover),
        new("prob_mutAct", Kind.Number, (h, v) => h with { ProbMutateActivation = v.GetDouble() }, h => h.ProbMutateActivation),
        new("prob_addNode", Kind.Number, (h, v) => h with { ProbAddNode = v.GetDouble() }, h => h.ProbAddNode),
        new("prob_addConn", Kind.Number, (h, v) => h with { ProbAddConnection = v.GetDouble() }, h => h.ProbAddConnection),
        new("prob_enable", Kind.Number, (h, v) => h with { ProbEnable = v.GetDouble() }, h => h.ProbEnable),
        new("prob_initEnable", Kind.Number, (h, v) => h with { ProbInitialEnable = v.GetDouble() }, h => h.ProbInitialEnable),
        new("select_cullRatio", Kind.Number, (h, v) => h with { CullRatio = v.GetDouble() }, h => h.CullRatio),
        new("select_eliteRatio", Kind.Number, (h, v) => h with { EliteRatio = v.GetDouble() }, h => h.EliteRatio),
        new("select_tournSize", Kind.Integer, (h, v) => h with { TournamentSize = v.GetInt32() }, h => h.TournamentSize),
        new("save_mod", Kind.Integer, (h, v) => h with { SaveEvery = v.GetInt32() }, h => h.SaveEvery),
        new("bestReps", Kind.Integer, (h, v) => h with { BestRepetitions = v.GetInt32() }, h => h.BestRepetitions),
        // Not an original key: it switches off the original's expression of disabled hidden-to-hidden connections.
        new("express_disabled_hidden", Kind.Boolean, (h, v) => h with { ExpressDisabledHidden = v.GetBoolean() }, h => h.ExpressDisabledHidden),
    };

    /// <summary>Applies a file's keys over <paramref name="current"/>; the file is named in every error.</summary>
    public static Hyperparameters ApplyFile(Hyperparameters current, string path)
    {
        return Validate(ApplyJson(current, Formats.BoundedFile.ReadText(path, Formats.FileLimit.Settings), path), path);
    }

    /// <summary>Applies the keys of a JSON object given as text; <paramref name="where"/> names it in errors.</summary>
    public static Hyperparameters ApplyJson(Hyperparameters current, string json, string where)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true }); }
        catch (JsonException e)
        {
            throw new WannException($"{where}: not valid JSON ({e.Message.Split('.')[0]})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new WannException($"{where}: expected a JSON object of hyperparameters");
            var seen = new HashSet<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = Keys.FirstOrDefault(k => k.Name == property.Name)
                    ?? throw new WannException($"{where}: unknown key '{property.Name}' (known: {string.Join(", ", Keys.Select(k => k.Name))})");
                if (!seen.Add(property.Name)) throw new WannException($"{where}: key '{property.Name}' appears twice");
                CheckType(property.Value, key, where);
                current = key.Apply(current, property.Value);
            }
        }
        return current;
    }

    private static void CheckType(JsonElement value, Key key, string where)
    {
        bool ok = key.Kind switch
        {
            Kind.Text => value.ValueKind == JsonValueKind.String,
            Kind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            Kind.Number => value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble()),
            Kind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => false,
        };
        if (!ok)
        {
            string expected = key.Kind switch { Kind.Text => "a string", Kind.Integer => "an integer", Kind.Boolean => "true or false", _ => "a number" };
            throw new WannException($"{where}: key '{key.Name}' must be {expected}, got {Describe(value)}");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>Most lanes (weight x episode) one network may be judged on: 2^24, ten thousand times the defaults' 480.</summary>
    public const long MaxLanesPerNetwork = 1L << 24;

    /// <summary>Most lanes of one generation: one reward each in one array.</summary>
    public const long MaxLanesPerGeneration = int.MaxValue;

    /// <summary>Most networks drawn for one tournament (the original draws them with replacement).</summary>
    public const int MaxTournamentSize = 1 << 16;

    /// <summary>Range checks on the merged settings; <paramref name="where"/> names the source in the message.</summary>
    public static Hyperparameters Validate(Hyperparameters h, string where)
    {
        void Require(bool ok, string key, string problem)
        {
            if (!ok) throw new WannException($"{where}: key '{key}' {problem}");
        }
        Require(h.WeightDistribution is "standard" or "other", "alg_wDist", $"must be \"standard\" or \"other\", got \"{h.WeightDistribution}\"");
        Require(h.WeightCount >= 1, "alg_nVals", $"must be at least 1, got {h.WeightCount}");
        Require(h.Repetitions >= 1, "alg_nReps", $"must be at least 1, got {h.Repetitions}");
        Require(h.MaxGenerations >= 1, "maxGen", $"must be at least 1, got {h.MaxGenerations}");
        Require(h.PopulationSize >= 2, "popSize", $"must be at least 2, got {h.PopulationSize}");
        Require(h.TournamentSize >= 1, "select_tournSize", $"must be at least 1, got {h.TournamentSize}");
        Require(h.SaveEvery >= 1, "save_mod", $"must be at least 1, got {h.SaveEvery}");
        Require(h.BestRepetitions >= 1, "bestReps", $"must be at least 1, got {h.BestRepetitions}");
        Require(h.TournamentSize <= MaxTournamentSize, "select_tournSize", $"must be at most {MaxTournamentSize:N0} (draws per child), got {h.TournamentSize:N0}");
        // Lane counts in 64-bit arithmetic: each must fit the arrays that hold one reward per lane.
        long lanesPerNetwork = (long)h.WeightCount * h.Repetitions;
        Require(lanesPerNetwork <= MaxLanesPerNetwork, "alg_nVals",
            $"x alg_nReps = {h.WeightCount:N0} x {h.Repetitions:N0} lanes per network, more than {MaxLanesPerNetwork:N0}");
        Require(lanesPerNetwork * h.BestRepetitions <= MaxLanesPerNetwork, "bestReps",
            $"x alg_nVals x alg_nReps = {h.BestRepetitions:N0} x {lanesPerNetwork:N0} lanes to re-evaluate a best network, more than {MaxLanesPerNetwork:N0}");
        Require(lanesPerNetwork * h.PopulationSize <= MaxLanesPerGeneration, "popSize",
            $"x alg_nVals x alg_nReps = {h.PopulationSize:N0} x {lanesPerNetwork:N0} lanes per generation, more than {MaxLanesPerGeneration:N0}");
        foreach (var (key, value) in new[]
                 {
                     ("alg_probMoo", h.ProbMoo), ("prob_crossover", h.ProbCrossover), ("prob_mutAct", h.ProbMutateActivation),
                     ("prob_addNode", h.ProbAddNode), ("prob_addConn", h.ProbAddConnection), ("prob_enable", h.ProbEnable),
                     ("prob_initEnable", h.ProbInitialEnable), ("select_cullRatio", h.CullRatio), ("select_eliteRatio", h.EliteRatio),
                 })
            Require(value >= 0 && value <= 1, key, $"must be between 0 and 1, got {value}");
        Require(h.ProbMutateActivation + h.ProbAddNode + h.ProbAddConnection + h.ProbEnable > 0, "prob_mutAct",
            "and prob_addNode, prob_addConn, prob_enable are all 0: no mutation can be chosen");
        Require(h.ProbCrossover == 0, "prob_crossover", "must be 0: WANN search uses no crossover (as the original's WANN runs)");
        Require(h.CullRatio + h.EliteRatio < 1 || h.PopulationSize * (1 - h.CullRatio) >= 1, "select_cullRatio", "leaves no parents");
        Require((int)Math.Floor(h.CullRatio * h.PopulationSize) < h.PopulationSize, "select_cullRatio", "removes the whole population");
        return h;
    }

    /// <summary>The merged settings as a JSON object with the original key names (config.json of a run).</summary>
    public static string ToJson(Hyperparameters h)
    {
        var obj = new JsonObject();
        foreach (var key in Keys)
        {
            var value = key.Read(h);
            if (value is null) continue;
            obj[key.Name] = value switch
            {
                string text => JsonValue.Create(text),
                int integer => JsonValue.Create(integer),
                double number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                _ => throw new InvalidOperationException($"key {key.Name} has unexpected type {value.GetType()}"),
            };
        }
        return obj.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
