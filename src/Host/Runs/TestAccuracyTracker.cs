using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Search;

namespace Wann.Host.Runs;

/// <summary>
/// For classification runs: the test-set accuracy and cross-entropy of the run's best network (means over
/// the run's shared weights), measured again only when a new best network is found.
/// </summary>
public sealed class TestAccuracyTracker(IForwardEvaluator forward, ImageDataset test, float[] weights)
{
    /// <summary>The latest figures; null until the run has a best network.</summary>
    public (double Accuracy, double CrossEntropy)? Current { get; private set; }

    public void Update(bool newBest, BestNetwork? best)
    {
        if (best is null || (!newBest && Current is not null)) return;
        var score = ClassificationScore.Of(best.Genome, WeightMode.Shared, weights, test, forward);
        Current = (score.Accuracy.Average(), score.CrossEntropy.Average());
    }
}
