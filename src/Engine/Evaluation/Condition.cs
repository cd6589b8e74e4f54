using System.Globalization;

namespace Wann.Engine.Evaluation;

/// <summary>The weight conditions of the paper's table "WANNs perform with and without training".</summary>
public enum ConditionKind
{
    /// <summary>Every connection its own weight from U(-2, 2), drawn afresh for each trial.</summary>
    RandomWeights,
    /// <summary>One shared weight from U(-2, 2), drawn afresh for each trial.</summary>
    RandomShared,
    /// <summary>A given shared weight.</summary>
    Shared,
    /// <summary>The best single shared weight in [-2, 2], chosen on other episodes than it is scored on.</summary>
    TunedShared,
    /// <summary>The network's stored weights (e.g. written by <c>wann tune</c>).</summary>
    Stored,
}

/// <summary>One condition as given on the command line: <c>random-weights</c>, <c>random-shared</c>, <c>shared:W</c>, <c>tuned-shared</c> or <c>stored</c>.</summary>
public sealed record Condition(ConditionKind Kind, float Weight = 0f)
{
    public const string Choices = "random-weights, random-shared, shared:W, tuned-shared or stored";

    public string Name => Kind switch
    {
        ConditionKind.RandomWeights => "random-weights",
        ConditionKind.RandomShared => "random-shared",
        ConditionKind.Shared => "shared:" + Weight.ToString("R", CultureInfo.InvariantCulture),
        ConditionKind.TunedShared => "tuned-shared",
        _ => "stored",
    };

    public static Condition Parse(string text, string where)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t.StartsWith("shared:", StringComparison.Ordinal))
        {
            string number = t["shared:".Length..];
            if (!float.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out float w) || !float.IsFinite(w))
                throw new WannException($"{where}: '{number}' in '{text}' is not a finite weight");
            return new Condition(ConditionKind.Shared, w);
        }
        return t switch
        {
            "random-weights" => new Condition(ConditionKind.RandomWeights),
            "random-shared" => new Condition(ConditionKind.RandomShared),
            "tuned-shared" => new Condition(ConditionKind.TunedShared),
            "stored" => new Condition(ConditionKind.Stored),
            _ => throw new WannException($"{where}: unknown condition '{text}' (give {Choices})"),
        };
    }
}
