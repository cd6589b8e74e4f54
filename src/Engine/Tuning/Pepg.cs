using Wann.Engine.Randomness;

namespace Wann.Engine.Tuning;

/// <summary>
/// Parameter-exploring policy gradients (Sehnke et al. 2010), the "population-based REINFORCE" the WANN
/// paper tunes weights with, in the variant of estool that WANNTool uses: antithetic pairs mu ± eps with a
/// sampling spread per parameter, centered-rank fitness, the batch mean as baseline, Adam on the mean, and
/// an adaptive spread clipped to ±20 % a generation then annealed. Written from the algorithm's description,
/// not translated. Candidates come from <see cref="CounterRandom"/> keyed by (seed, generation, pair, index).
/// </summary>
public sealed class Pepg : IOptimizer
{
    private readonly PepgSettings _settings;
    private readonly ulong _seed;
    private readonly int _half;
    private double[] _mu, _sigma, _adamM, _adamV;
    private long _adamSteps;
    private double _learningRate;
    private double[][]? _epsilon, _candidates;

    public Pepg(int dimension, PepgSettings settings, ulong seed)
    {
        if (dimension < 1) throw new WannException($"pepg: nothing to tune (dimension {dimension})");
        if (settings.Population < 2 || settings.Population % 2 != 0) throw new WannException($"--pop: pepg needs an even population of at least 2, got {settings.Population}");
        if (!(settings.SigmaInit > 0)) throw new WannException($"--sigma: must be positive, got {settings.SigmaInit}");
        _settings = settings;
        _seed = seed;
        _half = settings.Population / 2;
        Dimension = dimension;
        _mu = new double[dimension];
        _sigma = Enumerable.Repeat(settings.SigmaInit, dimension).ToArray();
        _adamM = new double[dimension];
        _adamV = new double[dimension];
        _learningRate = settings.LearningRate;
    }

    public string Name => "pepg";
    public int Dimension { get; }
    public int PopulationSize => _settings.Population;
    public long Generation { get; private set; }
    public double[] Mean => (double[])_mu.Clone();
    public double Spread => Math.Sqrt(_sigma.Average(s => s * s));

    /// <summary>Sets the centre (WANNTool's <c>set_mu</c>), e.g. to start from known offsets.</summary>
    public void SetMean(IReadOnlyList<double> mean)
    {
        if (mean.Count != Dimension) throw new ArgumentException("wrong length", nameof(mean));
        _mu = mean.ToArray();
        _candidates = null;
    }

    public double[][] Ask()
    {
        if (_candidates is not null) return _candidates;
        int n = Dimension;
        _epsilon = new double[_half][];
        _candidates = new double[2 * _half][];
        for (int k = 0; k < _half; k++)
        {
            var eps = new double[n];
            for (int i = 0; i < n; i++) eps[i] = CounterRandom.StandardNormal(_seed, (ulong)Generation, (ulong)k, (ulong)i) * _sigma[i];
            _epsilon[k] = eps;
            var plus = new double[n];
            var minus = new double[n];
            for (int i = 0; i < n; i++)
            {
                plus[i] = _mu[i] + eps[i];
                minus[i] = _mu[i] - eps[i];
            }
            _candidates[k] = plus;
            _candidates[_half + k] = minus;
        }
        return _candidates;
    }

    public void Tell(double[] fitness)
    {
        var candidates = Ask();
        var epsilon = _epsilon!;
        if (fitness.Length != candidates.Length) throw new ArgumentException($"expected {candidates.Length} fitness values, got {fitness.Length}", nameof(fitness));
        int n = Dimension, half = _half;

        var reward = CenteredRanks.Of(fitness);
        if (_settings.WeightDecay > 0)
            for (int k = 0; k < reward.Length; k++) reward[k] -= _settings.WeightDecay * candidates[k].Average(x => x * x);
        double baseline = reward.Average();

        // Mean: the antithetic difference of each pair times its perturbation, followed through Adam.
        var gradient = new double[n];
        for (int k = 0; k < half; k++)
        {
            double difference = reward[k] - reward[half + k];
            for (int i = 0; i < n; i++) gradient[i] += difference * epsilon[k][i];
        }
        _adamSteps++;
        double b1 = _settings.AdamBeta1, b2 = _settings.AdamBeta2;
        double step = _learningRate * Math.Sqrt(1 - Math.Pow(b2, _adamSteps)) / (1 - Math.Pow(b1, _adamSteps));
        for (int i = 0; i < n; i++)
        {
            double g = -gradient[i]; // Adam minimises; the gradient points uphill
            _adamM[i] = b1 * _adamM[i] + (1 - b1) * g;
            _adamV[i] = b2 * _adamV[i] + (1 - b2) * g * g;
            _mu[i] -= step * _adamM[i] / (Math.Sqrt(_adamV[i]) + 1e-8);
        }

        // Spread: pairs that beat the baseline on average pull sigma towards their perturbation's size.
        if (_settings.SigmaAlpha > 0)
        {
            for (int i = 0; i < n; i++)
            {
                double s = _sigma[i], delta = 0;
                for (int k = 0; k < half; k++)
                {
                    double e = epsilon[k][i];
                    delta += ((reward[k] + reward[half + k]) / 2 - baseline) * (e * e - s * s) / s;
                }
                delta /= 2 * half; // rank fitness has unit scale, so no division by the rewards' spread
                double change = Math.Clamp(_settings.SigmaAlpha * delta, -_settings.SigmaMaxChange * s, _settings.SigmaMaxChange * s);
                _sigma[i] = s + change;
            }
        }
        if (_settings.SigmaDecay < 1)
            for (int i = 0; i < n; i++)
                if (_sigma[i] > _settings.SigmaLimit) _sigma[i] *= _settings.SigmaDecay;
        if (_settings.LearningRateDecay < 1 && _learningRate > _settings.LearningRateLimit) _learningRate *= _settings.LearningRateDecay;

        Generation++;
        _candidates = null;
        _epsilon = null;
    }

    public OptimizerState Save() => new(Name, Dimension, PopulationSize, _seed, Generation, new Dictionary<string, double[]>
    {
        ["mu"] = (double[])_mu.Clone(),
        ["sigma"] = (double[])_sigma.Clone(),
        ["adamM"] = (double[])_adamM.Clone(),
        ["adamV"] = (double[])_adamV.Clone(),
        ["adamSteps"] = new double[] { _adamSteps },
        ["learningRate"] = new[] { _learningRate },
    });

    public static Pepg Restore(OptimizerState state, PepgSettings settings)
    {
        int n = state.Dimension;
        return new Pepg(n, settings with { Population = state.PopulationSize }, state.Seed)
        {
            Generation = state.Generation,
            _mu = state.Get("mu", n),
            _sigma = state.Get("sigma", n),
            _adamM = state.Get("adamM", n),
            _adamV = state.Get("adamV", n),
            _adamSteps = (long)state.Get("adamSteps", 1)[0],
            _learningRate = state.Get("learningRate", 1)[0],
        };
    }
}
