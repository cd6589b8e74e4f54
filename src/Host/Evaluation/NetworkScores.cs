using System.Globalization;
using System.Net;
using System.Text;
using MathNet.Numerics.Statistics;
using Wann.Engine.Evaluation;
using Wann.Engine.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>
/// One network scored at a set of shared weights, as its task scores networks (<see cref="TaskScoring.Score"/>):
/// episode statistics per weight (<see cref="EpisodeScores"/>) or test-set accuracy (<see cref="AccuracyScores"/>).
/// Each kind writes itself for <c>eval</c> (text, JSON) and <c>report</c> (HTML), and as a sweep for the charts.
/// </summary>
public abstract record NetworkScores(TaskSpec Task, float[] Weights, double Seconds)
{
    /// <summary>What the sweep chart's y axis measures.</summary>
    public abstract string Measure { get; }

    /// <summary>What each point is made of, for chart captions.</summary>
    public abstract string Detail { get; }

    /// <summary>The sweep chart's y axis: <see cref="Measure"/> in the unit the chart shows it in.</summary>
    public virtual string ChartMeasure => Measure;

    /// <summary>What the sweep's values are multiplied by on the chart (100 for an accuracy shown in %).</summary>
    public virtual double ChartScale => 1;

    /// <summary>Mean and spread per weight (accuracy has no spread over episodes: zeros).</summary>
    public abstract WeightSweep AsSweep();

    /// <summary><c>eval</c>'s table: a header naming <paramref name="net"/>, then a line per weight and a summary.</summary>
    public abstract IEnumerable<string> TextLines(string net, bool stored, ulong seed, IBackend backend);

    /// <summary><c>eval --json</c>'s document.</summary>
    public abstract object Json(string net, bool stored, ulong seed, IBackend backend);

    /// <summary>The report's eval table; <paramref name="howToRepeat"/> says which command prints the same.</summary>
    public abstract string Html(IBackend backend, string howToRepeat);

    protected static string Weight(float weight, bool stored) => stored ? "-" : weight.ToString("0.###", CultureInfo.InvariantCulture);
    protected static string Encode(string text) => WebUtility.HtmlEncode(text);
    protected static string Number(double? value) => value is { } v ? v.ToString("G5", CultureInfo.InvariantCulture) : "-";
}

/// <summary>Episodes at each weight: mean, spread, interval and extremes per weight, and the environment steps taken.</summary>
public sealed record EpisodeScores(TaskSpec Task, float[] Weights, double Seconds, int Episodes, IReadOnlyList<WeightRow> Rows, FitnessTable Table)
    : NetworkScores(Task, Weights, Seconds)
{
    public override string Measure => "reward";
    public override string Detail => $"{Episodes} episodes per weight";

    public override WeightSweep AsSweep() =>
        new(Weights, Rows.Select(r => r.Mean).ToArray(), Rows.Select(r => r.Std).ToArray(), Episodes) { StepCount = Table.StepCount };

    public override IEnumerable<string> TextLines(string net, bool stored, ulong seed, IBackend backend)
    {
        yield return $"{net} on {Task.Name}: {Episodes} episodes per weight, seed {seed}, backend {backend.Name} ({backend.Device})";
        yield return $"{(stored ? "stored" : "weight"),8} {"mean",10} {"std",9} {"95% ci",9} {"min",9} {"max",9}";
        foreach (var r in Rows)
            yield return $"{Weight(r.Weight, stored),8} {r.Mean,10:F2} {r.Std,9:F2} {"±" + r.Ci95.ToString("F2", CultureInfo.InvariantCulture),9} {r.Min,9:F2} {r.Max,9:F2}";
        yield return $"{"all",8} {Rows.Select(r => r.Mean).Mean(),10:F2}   (mean over weights)";
        yield return $"{Table.StepCount:N0} environment steps in {Seconds:F3} s = {Table.StepCount / Seconds:N0} steps/s";
    }

    public override object Json(string net, bool stored, ulong seed, IBackend backend) => new
    {
        net,
        task = Task.Name,
        backend = backend.Name,
        device = backend.Device,
        stored,
        seed,
        weights = Rows.Select(r => r.Weight).ToArray(),
        mean = Rows.Select(r => r.Mean).ToArray(),
        std = Rows.Select(r => r.Std).ToArray(),
        ci95 = Rows.Select(r => r.Ci95).ToArray(),
        min = Rows.Select(r => r.Min).ToArray(),
        max = Rows.Select(r => r.Max).ToArray(),
        meanOverWeights = Rows.Select(r => r.Mean).Mean(),
        episodes = Episodes,
        envSteps = Table.StepCount,
        seconds = Seconds,
        envStepsPerSecond = Table.StepCount / Seconds,
    };

    public override string Html(IBackend backend, string howToRepeat)
    {
        var html = new StringBuilder("<h2>Eval of the best network</h2>\n");
        html.Append($"<p>{Episodes} episodes per weight, seed 1, backend {Encode(backend.Name)} ({Encode(backend.Device)}); " +
                    $"as <code>{howToRepeat}</code> prints it.</p>\n");
        html.Append("<table><tr><th>weight</th><th>mean</th><th>std</th><th>95 % interval</th><th>min</th><th>max</th></tr>\n");
        foreach (var r in Rows)
            html.Append($"<tr><td>{Number(r.Weight)}</td><td>{Number(r.Mean)}</td><td>{Number(r.Std)}</td><td>&plusmn;{Number(r.Ci95)}</td><td>{Number(r.Min)}</td><td>{Number(r.Max)}</td></tr>\n");
        html.Append($"<tr><td>all</td><td>{Number(Rows.Average(r => r.Mean))}</td><td colspan=\"4\">mean over the weights</td></tr>\n</table>\n");
        return html.ToString();
    }
}

/// <summary>Accuracy on the whole held-out test set at each weight, and of the ensemble over the weights.</summary>
public sealed record AccuracyScores(TaskSpec Task, float[] Weights, double Seconds, ClassificationScore Score) : NetworkScores(Task, Weights, Seconds)
{
    public override string Measure => "test accuracy";
    public override string Detail => $"{Score.Images} test examples";
    public override string ChartMeasure => "test accuracy (%)";
    public override double ChartScale => 100;

    public override WeightSweep AsSweep() => new(Weights, Score.Accuracy, new double[Weights.Length], Score.Images);

    public override IEnumerable<string> TextLines(string net, bool stored, ulong seed, IBackend backend)
    {
        yield return $"{net} on {Task.Name}: {Score.Images} test examples, backend {backend.Name} ({backend.Device})";
        yield return $"{(stored ? "stored" : "weight"),8} {"accuracy",9} {"x-entropy",10}";
        for (int w = 0; w < Score.Weights.Length; w++)
            yield return $"{Weight(Score.Weights[w], stored),8} {Score.Accuracy[w] * 100,8:F2}% {Score.CrossEntropy[w],10:F4}";
        yield return $"{"ensemble",8} {Score.EnsembleAccuracy * 100,8:F2}%   (softmax summed over the weights)";
        yield return $"{Score.Images * Score.Weights.Length:N0} forward passes in {Seconds:F3} s";
    }

    public override object Json(string net, bool stored, ulong seed, IBackend backend) => new
    {
        net,
        task = Task.Name,
        backend = backend.Name,
        device = backend.Device,
        stored,
        testImages = Score.Images,
        weights = Score.Weights,
        accuracy = Score.Accuracy,
        crossEntropy = Score.CrossEntropy,
        ensembleAccuracy = Score.EnsembleAccuracy,
        seconds = Seconds,
    };

    public override string Html(IBackend backend, string howToRepeat)
    {
        var html = new StringBuilder("<h2>Eval of the best network</h2>\n");
        html.Append($"<p>Test accuracy on {Score.Images} held-out {(Task.Contract is null ? "images" : "rows")}, backend {Encode(backend.Name)} ({Encode(backend.Device)}).</p>\n");
        html.Append("<table><tr><th>weight</th><th>accuracy</th><th>cross-entropy</th></tr>\n");
        for (int w = 0; w < Weights.Length; w++)
            html.Append($"<tr><td>{Number(Weights[w])}</td><td>{Number(Score.Accuracy[w] * 100)} %</td><td>{Number(Score.CrossEntropy[w])}</td></tr>\n");
        html.Append($"<tr><td>ensemble</td><td>{Number(Score.EnsembleAccuracy * 100)} %</td><td></td></tr>\n</table>\n");
        return html.ToString();
    }
}
