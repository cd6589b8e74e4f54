namespace Wann.Host.Bench;

/// <summary>Everything one <c>wann bench</c> run measured, every speed next to its same-run baselines (a part not run is empty or null).</summary>
public sealed record BenchReport(
    string Date,
    string Machine,
    string Backend,
    string Device,
    string DotNetVersion,
    string IlgpuVersion,
    int Repetitions,
    IReadOnlyList<NetworkEvaluationResult> NetworkEvaluation,
    Measurement Ceiling,
    SwingUpResult? SwingUp,
    GenerationResult? Generation,
    IReadOnlyList<HostWorkResult> HostWork,
    BipedResult? Biped,
    long PeakWorkingSetBytes);

/// <summary>The measurements of the suite; <c>--only</c> picks some.</summary>
[Flags]
public enum BenchParts
{
    None = 0,
    M1 = 1,
    M2 = 2,
    M3 = 4,
    M5 = 8,
    M6 = 16,
    All = M1 | M2 | M3 | M5 | M6,
}

/// <summary>
/// M6: BipedalWalker episodes of the original champion (environment steps per second) on the backend and on the
/// reference path with the same threads, and whether their scores agree to the bit on the episodes both ran.
/// </summary>
public sealed record BipedResult(int Lanes, int ReferenceLanes, int Threads, Measurement Backend, Measurement Reference, bool SameScores, double[] ReferenceMeanPerWeight)
{
    public double SpeedupOverReference => Backend.MedianRate / Reference.MedianRate;

    /// <summary>Microseconds of one thread per lane-step: the cost of one environment step (network and physics) on one core.</summary>
    public static double MicrosecondsPerLaneStep(Measurement m, int threads) => threads * 1e6 / m.MedianRate;
}

/// <summary>M1: forward passes of a grown population (connection evaluations per second).</summary>
public sealed record NetworkEvaluationResult(string Population, int Genomes, double MeanConnections, long ConnectionEvaluationsPerRun,
    Measurement Backend, Measurement Reference)
{
    public double SpeedupOverReference => Backend.MedianRate / Reference.MedianRate;
}

/// <summary>M2: full swing-up episodes (environment steps per second, network forward plus physics).</summary>
public sealed record SwingUpResult(int Genomes, int ReferenceGenomes, int LanesPerGenome, Measurement Backend, Measurement Reference)
{
    public double SpeedupOverReference => Backend.MedianRate / Reference.MedianRate;
}

/// <summary>M3: one generation of the swingup.json configuration, split by phase (medians over generations).</summary>
public sealed record GenerationResult(int Population, int LanesPerGenome, int FirstGeneration, int Generations, double Seconds, double EvaluateSeconds, double RankBreedSeconds, double CompileSeconds, double EnvStepsPerSecond)
{
    public double HostFraction => (RankBreedSeconds + CompileSeconds) / Seconds;
}

/// <summary>
/// M5: host work of one generation at a large population (rank, breed, compile: medians), next to the
/// evaluation of that generation on the backend: measured on all genomes, or on a subset and scaled
/// linearly (<see cref="EvaluatedGenomes"/> says which); and the size and encoding time of its checkpoint
/// (written in the background by train, so not part of the host work).
/// </summary>
/// <param name="CollectorPauseSeconds">The garbage collector's pauses within rank, breed and compile (part of their times).</param>
public sealed record HostWorkResult(int Genomes, double MeanConnections, double RankSeconds, double BreedSeconds, double CompileSeconds, double CollectorPauseSeconds,
    double EvaluateSeconds, int EvaluatedGenomes, long PeakWorkingSetBytes, long CheckpointBytes, double CheckpointSeconds)
{
    public double HostSeconds => RankSeconds + BreedSeconds + CompileSeconds;
    public double HostFraction => HostSeconds / (HostSeconds + EvaluateSeconds);
    public bool EvaluationScaled => EvaluatedGenomes < Genomes;
}
