using Wann.Engine.Activations;
using Wann.Engine.Datasets;
using Wann.Engine.Genomes;

namespace Wann.Engine.Tasks;

/// <summary>The <c>csv</c> task: classification of the user's own CSV examples, its shape taken from the files.</summary>
public static class CsvTask
{
    public const string Name = "csv";

    public static bool Is(string name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The task of a loaded data set: one input per feature, one output per class, fitness as for digits.</summary>
    public static TaskSpec From(CsvDataset dataset) => new(Name,
        new NetworkShape(dataset.FeatureNames.Count, dataset.ClassNames.Count), ActivationSets.Classification, 1000,
        dataset.FeatureNames, dataset.ClassNames, CanRun: true)
    {
        Scoring = ScoringScheme.TestAccuracy(() => dataset.Data),
        Contract = dataset.Contract,
    };
}
