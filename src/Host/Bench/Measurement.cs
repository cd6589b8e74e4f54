using System.Diagnostics;
using MathNet.Numerics.Statistics;
using Wann.Engine.Evaluation;

namespace Wann.Host.Bench;

/// <summary>
/// A rate measured over repeated runs: the first run is warm-up (JIT, kernel compile) and reported apart.
/// On device backends the kernel time of each run is recorded too (<see cref="KernelMedianRate"/>), apart
/// from the host-to-device and device-to-host copies (<see cref="CopyMedianSeconds"/>).
/// </summary>
public sealed record Measurement(double MedianRate, double MinRate, double MaxRate, int Repetitions, double WarmupSeconds, double MedianSeconds,
    double? KernelMedianRate = null, double? KernelMedianSeconds = null, double? CopyMedianSeconds = null)
{
    /// <summary>
    /// Runs <paramref name="run"/> once to warm up, then <paramref name="repetitions"/> times; each run returns
    /// the units of work it did (connection evaluations, environment steps, ...). <paramref name="timing"/>
    /// reads the device's split of the run just made, where there is one.
    /// </summary>
    public static Measurement Of(Func<long> run, int repetitions, Func<EvaluationTiming?>? timing = null)
    {
        var clock = Stopwatch.StartNew();
        run();
        double warmup = clock.Elapsed.TotalSeconds;
        var rates = new double[repetitions];
        var seconds = new double[repetitions];
        var kernelRates = new List<double>();
        var kernelSeconds = new List<double>();
        var copySeconds = new List<double>();
        for (int i = 0; i < repetitions; i++)
        {
            clock.Restart();
            long work = run();
            seconds[i] = clock.Elapsed.TotalSeconds;
            rates[i] = work / seconds[i];
            if (timing?.Invoke() is { } split)
            {
                kernelRates.Add(work / split.KernelSeconds);
                kernelSeconds.Add(split.KernelSeconds);
                copySeconds.Add(split.UploadSeconds + split.DownloadSeconds);
            }
        }
        return new Measurement(rates.Median(), rates.Minimum(), rates.Maximum(), repetitions, warmup, seconds.Median(),
            kernelRates.Count > 0 ? kernelRates.Median() : null,
            kernelSeconds.Count > 0 ? kernelSeconds.Median() : null,
            copySeconds.Count > 0 ? copySeconds.Median() : null);
    }

    /// <summary>Kernel rate where the backend reports one, else the wall-clock rate.</summary>
    public double BestKnownKernelRate => KernelMedianRate ?? MedianRate;
}
