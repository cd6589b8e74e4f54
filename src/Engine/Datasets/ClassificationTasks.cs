using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;

namespace Wann.Engine.Datasets;

/// <summary>The named classification tasks: each spec says where its data comes from.</summary>
public static class ClassificationTasks
{
    /// <summary>scikit-learn's 8x8 digits; fitness is minus the softmax cross-entropy on a batch of training images.</summary>
    public static TaskSpec Digits { get; } = new("digits", new NetworkShape(64, 10), ActivationSets.Classification, 1000,
        Numbered("px", 64), Numbered("digit ", 10), CanRun: true) { Scoring = ScoringScheme.TestAccuracy(ClassificationSources.Digits) };

    /// <summary>Fashion-MNIST downsampled to 16x16 and deskewed, as the original prepared MNIST for mnist256.</summary>
    public static TaskSpec Fashion16 { get; } = new("fashion16", new NetworkShape(256, 10), ActivationSets.Classification, 1000,
        Numbered("px", 256), new[] { "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot" },
        CanRun: true) { Scoring = ScoringScheme.TestAccuracy(ClassificationSources.Fashion16) };

    /// <summary>The original's MNIST task: known for its shape and config file; MNIST itself is not packaged here (use fashion16).</summary>
    public static TaskSpec Mnist256 { get; } = new("mnist256", new NetworkShape(256, 10), ActivationSets.Classification, 1000,
        Numbered("px", 256), Numbered("digit ", 10), CanRun: false)
    {
        Scoring = ScoringScheme.TestAccuracy(null),
        WhyNot = "needs MNIST, which no package here provides: set \"task\": \"fashion16\" to run the same configuration on Fashion-MNIST",
    };

    public static IReadOnlyList<TaskSpec> All { get; } = new[] { Digits, Fashion16, Mnist256 };

    /// <summary>Labels prefix0, prefix1, ...</summary>
    public static string[] Numbered(string prefix, int n) => Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToArray();
}
