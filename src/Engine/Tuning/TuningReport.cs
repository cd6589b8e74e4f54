namespace Wann.Engine.Tuning;

/// <summary>One tuning generation, for the progress line and log.jsonl.</summary>
public sealed record TuningReport(
    long Generation,
    double MeanFitness,
    double BestFitness,
    double? Validation,
    bool NewBest,
    double BestScore,
    double Spread,
    long EnvironmentSteps,
    double EvaluateSeconds,
    double TotalSeconds);
