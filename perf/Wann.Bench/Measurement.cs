using System.Diagnostics;
using MathNet.Numerics.Statistics;

namespace Wann.Bench;

/// <summary>A rate measured over repeated runs: the first run is warm-up (JIT, kernel compile) and reported apart.</summary>
public sealed record Measurement(double MedianRate, double MinRate, double MaxRate, int Repetitions, double WarmupSeconds, double MedianSeconds)
{
    /// <summary>
    /// Runs <paramref name="run"/> once to warm up, then <paramref name="repetitions"/> times; each run returns
    /// the units of work it did (connection evaluations, environment steps, ...).
    /// </summary>
    public static Measurement Of(Func<long> run, int repetitions)
    {
        var clock = Stopwatch.StartNew();
        run();
        double warmup = clock.Elapsed.TotalSeconds;
        var rates = new double[repetitions];
        var seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            clock.Restart();
            long work = run();
            seconds[i] = clock.Elapsed.TotalSeconds;
            rates[i] = work / seconds[i];
        }
        return new Measurement(rates.Median(), rates.Minimum(), rates.Maximum(), repetitions, warmup, seconds.Median());
    }
}
