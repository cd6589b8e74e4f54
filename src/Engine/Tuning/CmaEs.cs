using MathNet.Numerics.LinearAlgebra;
using Wann.Engine.Randomness;

namespace Wann.Engine.Tuning;

/// <summary>
/// The covariance matrix adaptation evolution strategy, (mu/mu_w, lambda) with cumulative step-size
/// adaptation and rank-one plus rank-mu covariance updates, as set out in Hansen's tutorial "The CMA
/// Evolution Strategy" (2016) with its default learning rates. Maximises. The covariance's
/// eigendecomposition (MathNet) is redone every generation; the state saved is the mean, step size,
/// covariance and the two evolution paths, from which the decomposition follows deterministically.
/// </summary>
public sealed class CmaEs : IOptimizer
{
    private readonly CmaEsSettings _settings;
    private readonly ulong _seed;
    private readonly int _lambda, _mu;
    private readonly double[] _weights;
    private readonly double _muEff, _cc, _cs, _c1, _cmu, _damps, _chiN;
    private double[] _mean, _pc, _ps;
    private double _sigma;
    private Matrix<double> _c;
    private Matrix<double> _b = null!;
    private double[] _d = null!;
    private double[][]? _candidates;

    /// <summary>Largest dimension allowed: the covariance has n² entries and is decomposed every generation.</summary>
    public const int MaxDimension = 2000;

    public CmaEs(double[] start, double sigma, CmaEsSettings settings, ulong seed)
    {
        int n = start.Length;
        if (n < 1) throw new WannException($"cma: nothing to tune (dimension {n})");
        if (n > MaxDimension) throw new WannException($"cma: {n} parameters is more than CMA-ES handles here ({MaxDimension}); use --optimizer pepg");
        if (!(sigma > 0)) throw new WannException($"--sigma: must be positive, got {sigma}");
        _settings = settings;
        _seed = seed;
        Dimension = n;
        _lambda = settings.Population > 0 ? settings.Population : 4 + (int)Math.Floor(3 * Math.Log(n));
        if (_lambda < 4) throw new WannException($"--pop: cma needs a population of at least 4, got {_lambda}");
        _mu = _lambda / 2;
        _weights = new double[_mu];
        for (int i = 0; i < _mu; i++) _weights[i] = Math.Log((_lambda + 1) / 2.0) - Math.Log(i + 1);
        double sum = _weights.Sum();
        for (int i = 0; i < _mu; i++) _weights[i] /= sum;
        _muEff = 1 / _weights.Sum(w => w * w);

        _cc = (4 + _muEff / n) / (n + 4 + 2 * _muEff / n);
        _cs = (_muEff + 2) / (n + _muEff + 5);
        _c1 = 2 / ((n + 1.3) * (n + 1.3) + _muEff);
        _cmu = Math.Min(1 - _c1, 2 * (_muEff - 2 + 1 / _muEff) / ((n + 2) * (n + 2) + _muEff));
        _damps = 1 + 2 * Math.Max(0, Math.Sqrt((_muEff - 1) / (n + 1)) - 1) + _cs;
        _chiN = Math.Sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));

        _mean = (double[])start.Clone();
        _sigma = sigma;
        _pc = new double[n];
        _ps = new double[n];
        _c = Matrix<double>.Build.DenseIdentity(n);
        Decompose();
    }

    public string Name => "cma";
    public int Dimension { get; }
    public int PopulationSize => _lambda;
    public long Generation { get; private set; }
    public double[] Mean => (double[])_mean.Clone();
    public double StepSize => _sigma;
    public double Spread => _sigma * Math.Sqrt(_c.Diagonal().Average());

    public double[][] Ask()
    {
        if (_candidates is not null) return _candidates;
        int n = Dimension;
        _candidates = new double[_lambda][];
        var z = Vector<double>.Build.Dense(n);
        for (int k = 0; k < _lambda; k++)
        {
            for (int i = 0; i < n; i++) z[i] = _d[i] * CounterRandom.StandardNormal(_seed, (ulong)Generation, (ulong)k, (ulong)i);
            var y = _b * z;
            var x = new double[n];
            for (int i = 0; i < n; i++) x[i] = _mean[i] + _sigma * y[i];
            _candidates[k] = x;
        }
        return _candidates;
    }

    public void Tell(double[] fitness)
    {
        var candidates = Ask();
        if (fitness.Length != _lambda) throw new ArgumentException($"expected {_lambda} fitness values, got {fitness.Length}", nameof(fitness));
        int n = Dimension;
        var shaped = (double[])fitness.Clone();
        if (_settings.WeightDecay > 0)
            for (int k = 0; k < _lambda; k++) shaped[k] -= _settings.WeightDecay * candidates[k].Average(x => x * x);
        var order = CenteredRanks.BestFirst(shaped);

        var old = _mean;
        var mean = new double[n];
        var steps = new Vector<double>[_mu]; // y_i = (x_i - old mean) / sigma of the mu best
        for (int j = 0; j < _mu; j++)
        {
            var x = candidates[order[j]];
            var y = Vector<double>.Build.Dense(n);
            for (int i = 0; i < n; i++)
            {
                mean[i] += _weights[j] * x[i];
                y[i] = (x[i] - old[i]) / _sigma;
            }
            steps[j] = y;
        }
        var yw = Vector<double>.Build.Dense(n, i => (mean[i] - old[i]) / _sigma);

        // Step-size path in the isotropic frame: C^(-1/2) yw = B D^-1 B' yw.
        var whitened = _b * ((_b.TransposeThisAndMultiply(yw)).PointwiseDivide(Vector<double>.Build.DenseOfArray(_d)));
        double csFactor = Math.Sqrt(_cs * (2 - _cs) * _muEff);
        for (int i = 0; i < n; i++) _ps[i] = (1 - _cs) * _ps[i] + csFactor * whitened[i];
        double psNorm = Math.Sqrt(_ps.Sum(v => v * v));
        bool hsig = psNorm / Math.Sqrt(1 - Math.Pow(1 - _cs, 2 * (Generation + 1))) / _chiN < 1.4 + 2.0 / (n + 1);
        double ccFactor = Math.Sqrt(_cc * (2 - _cc) * _muEff);
        for (int i = 0; i < n; i++) _pc[i] = (1 - _cc) * _pc[i] + (hsig ? ccFactor * yw[i] : 0);

        var pc = Vector<double>.Build.DenseOfArray(_pc);
        double correction = hsig ? 0 : _c1 * _cc * (2 - _cc); // keeps C's scale when the rank-one path is stalled
        var c = _c * (1 - _c1 - _cmu + correction) + pc.OuterProduct(pc) * _c1;
        for (int j = 0; j < _mu; j++) c += steps[j].OuterProduct(steps[j]) * (_cmu * _weights[j]);
        _c = (c + c.Transpose()) * 0.5;

        _sigma *= Math.Exp(_cs / _damps * (psNorm / _chiN - 1));
        _mean = mean;
        Generation++;
        _candidates = null;
        Decompose();
    }

    /// <summary>C = B diag(D²) B'; tiny or negative eigenvalues from rounding are lifted so sampling stays defined.</summary>
    private void Decompose()
    {
        // The decomposition of a matrix holding an infinity or NaN fails inside MathNet: say what happened.
        if (!_c.Enumerate().All(double.IsFinite))
            throw new WannException($"CMA-ES diverged at generation {Generation}: its covariance is no longer finite");
        var evd = _c.Evd(Symmetricity.Symmetric);
        _b = evd.EigenVectors;
        _d = evd.EigenValues.Select(v => Math.Sqrt(Math.Max(v.Real, 1e-300))).ToArray();
    }

    public OptimizerState Save()
    {
        var arrays = new Dictionary<string, double[]>
        {
            ["mean"] = (double[])_mean.Clone(),
            ["sigma"] = new[] { _sigma },
            ["pc"] = (double[])_pc.Clone(),
            ["ps"] = (double[])_ps.Clone(),
            ["covariance"] = _c.ToColumnMajorArray(),
        };
        return new OptimizerState(Name, Dimension, PopulationSize, _seed, Generation, arrays);
    }

    public static CmaEs Restore(OptimizerState state, CmaEsSettings settings)
    {
        int n = state.Dimension;
        var cma = new CmaEs(state.Get("mean", n), state.Get("sigma", 1)[0], settings with { Population = state.PopulationSize }, state.Seed)
        {
            Generation = state.Generation,
            _pc = state.Get("pc", n),
            _ps = state.Get("ps", n),
            _c = Matrix<double>.Build.DenseOfColumnMajor(n, n, state.Get("covariance", n * n)),
        };
        cma.Decompose();
        return cma;
    }
}
