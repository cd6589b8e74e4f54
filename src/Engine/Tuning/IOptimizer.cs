namespace Wann.Engine.Tuning;

/// <summary>
/// A population-based optimiser that maximises a noisy fitness: <see cref="Ask"/> gives a generation of
/// candidate vectors, the caller scores them all (one batch), <see cref="Tell"/> moves the search on.
/// Candidates are a pure function of the state, the seed and the generation, so a restored optimiser asks
/// for exactly what the original would have.
/// </summary>
public interface IOptimizer
{
    /// <summary>Short name as the user selects it (pepg, cma).</summary>
    string Name { get; }

    /// <summary>Length of every candidate vector.</summary>
    int Dimension { get; }

    /// <summary>Candidates per generation.</summary>
    int PopulationSize { get; }

    /// <summary>Generations told so far.</summary>
    long Generation { get; }

    /// <summary>The centre of the search: the optimiser's current estimate of the best vector.</summary>
    double[] Mean { get; }

    /// <summary>Root-mean-square sampling spread over the dimensions (for progress lines).</summary>
    double Spread { get; }

    /// <summary>The current generation's candidates (the same on every call until <see cref="Tell"/>).</summary>
    double[][] Ask();

    /// <summary>Fitness of each candidate of the last <see cref="Ask"/>, higher is better; NaN counts as the worst.</summary>
    void Tell(double[] fitness);

    /// <summary>Everything needed to continue exactly from here.</summary>
    OptimizerState Save();
}
