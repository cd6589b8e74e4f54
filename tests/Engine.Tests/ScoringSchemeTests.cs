using Wann.Engine.Datasets;
using Wann.Engine.Tasks;

namespace Wann.Engine.Tests;

/// <summary>A task says how it scores networks through its <see cref="ScoringScheme"/>, not through a flag.</summary>
public sealed class ScoringSchemeTests
{
    [Fact]
    public void ARolloutSpec_ScoresEpisodes_AndHasNoDataSet()
    {
        var task = TestTasks.SwingUp;
        Assert.Same(ScoringScheme.Episodes, task.Scoring);
        Assert.True(task.Scoring.HasEpisodes);
        Assert.Equal("environment steps", task.Scoring.WorkUnit);
        Assert.Contains("has no data set", Assert.Throws<WannException>(() => ClassificationSources.Load(task)).Message);
    }

    [Fact]
    public void ClassificationSpecs_ScoreTestAccuracy_AndKeepTheirScheme_WhenVaried()
    {
        foreach (var task in ClassificationTasks.All)
        {
            Assert.False(task.Scoring.HasEpisodes);
            Assert.Equal("test accuracy", task.Scoring.TrialMeasure);
            Assert.Equal("forward passes", task.Scoring.WorkUnit);
            Assert.Same(task.Scoring, (task with { EpisodeLength = 5 }).Scoring);
        }
        Assert.Contains("needs MNIST", Assert.Throws<WannException>(() => ClassificationSources.Load(ClassificationTasks.Mnist256)).Message);
    }

    [Fact]
    public void TheSchemes_DifferInEveryLabel()
    {
        var episodes = ScoringScheme.Episodes;
        var accuracy = ScoringScheme.TestAccuracy(null);
        Assert.NotEqual(episodes.Name, accuracy.Name);
        Assert.NotEqual(episodes.FitnessLabel, accuracy.FitnessLabel);
        Assert.NotEqual(episodes.FitnessTitle, accuracy.FitnessTitle);
        Assert.NotEqual(episodes.FitnessCurve, accuracy.FitnessCurve);
        Assert.NotEqual(episodes.WorkUnit, accuracy.WorkUnit);
        Assert.NotEqual(episodes.TrialMeasure, accuracy.TrialMeasure);
        Assert.NotEqual(episodes.TuningEpisodes, accuracy.TuningEpisodes);
        Assert.NotEqual(episodes.SweepMeasure, accuracy.SweepMeasure);
        Assert.Equal("episodes", episodes.Match(() => "episodes", _ => "accuracy"));
        Assert.Equal("accuracy", accuracy.Match(() => "episodes", _ => "accuracy"));
    }
}
