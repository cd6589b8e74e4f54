namespace Wann.Engine.Evaluation;

/// <summary>
/// Total episode reward of every lane: <c>[genome, weight, repetition]</c>, row-major.
/// A non-finite reward (an unstable network) counts as the worst fitness.
/// </summary>
public sealed class FitnessTable
{
    public int GenomeCount { get; }
    public int WeightCount { get; }
    public int Repetitions { get; }
    public float[] Rewards { get; }

    /// <summary>Environment steps the backend simulated (all lanes, until each ended).</summary>
    public long StepCount { get; set; }

    public FitnessTable(int genomes, int weights, int repetitions, float[]? rewards = null)
    {
        GenomeCount = genomes;
        WeightCount = weights;
        Repetitions = repetitions;
        Rewards = rewards ?? new float[genomes * weights * repetitions];
        if (Rewards.Length != genomes * weights * repetitions) throw new ArgumentException("reward array has the wrong length", nameof(rewards));
    }

    public LaneIndexing Lanes => new(WeightCount, Repetitions);

    public int LanesPerGenome => Lanes.LanesPerGenome;

    public float Reward(int genome, int weight, int repetition) => Rewards[Lanes.IndexOf(genome, weight, repetition)];

    /// <summary>Mean reward over repetitions at one weight.</summary>
    public double MeanAtWeight(int genome, int weight)
    {
        double sum = 0;
        for (int r = 0; r < Repetitions; r++) sum += Reward(genome, weight, r);
        double mean = sum / Repetitions;
        return double.IsFinite(mean) ? mean : double.NegativeInfinity;
    }

    /// <summary>WANN fitness: mean over weights of the mean reward over repetitions.</summary>
    public double Fitness(int genome)
    {
        double sum = 0;
        for (int w = 0; w < WeightCount; w++) sum += MeanAtWeight(genome, w);
        return sum / WeightCount;
    }

    /// <summary>Best weight's mean reward.</summary>
    public double FitMax(int genome)
    {
        double best = double.NegativeInfinity;
        for (int w = 0; w < WeightCount; w++) best = Math.Max(best, MeanAtWeight(genome, w));
        return best;
    }

    /// <summary>Number of lanes whose reward is NaN or infinite.</summary>
    public int NonFiniteCount()
    {
        int n = 0;
        foreach (float r in Rewards) if (!float.IsFinite(r)) n++;
        return n;
    }
}
