namespace Wann.Bench;

/// <summary>Everything one <c>wann bench</c> run measured, every speed next to its same-run baselines.</summary>
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
    SwingUpResult SwingUp,
    GenerationResult Generation);

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
