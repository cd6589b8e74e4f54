namespace Wann.Engine.Search;

/// <summary>
/// What one generation did: fitness statistics (best = highest mean fitness; top-ranked = NSGA-II's first,
/// which may trade fitness for fewer connections), network sizes, lanes and time per phase.
/// </summary>
public sealed record GenerationReport(
    long Generation,
    double BestFitness,
    double MedianFitness,
    double TopRankedFitness,
    double BestFitMax,
    double MedianNodes,
    double MedianConnections,
    long EvaluatedLanes,
    long EnvironmentSteps,
    int NonFiniteLanes,
    bool MooObjective,
    double? RunBestFitness,
    bool NewBest,
    double EvaluateSeconds,
    double RankBreedSeconds,
    double CompileSeconds)
{
    public double TotalSeconds => EvaluateSeconds + RankBreedSeconds + CompileSeconds;
}
