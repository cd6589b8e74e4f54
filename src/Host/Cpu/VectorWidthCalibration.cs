using System.Diagnostics;
using System.Text.Json;
using MathNet.Numerics.Statistics;
using Wann.Engine;

namespace Wann.Host.Cpu;

/// <summary>
/// <c>wann devices --calibrate</c>: the bench's M1 (forward passes, ~30 and ~300 connections) and M2 (swing-up episodes)
/// on the cpu backend in child processes started at 8 and at 16 lanes, alternating, <see cref="Rounds"/> times each;
/// the medians' ratios make the <see cref="VectorWidthChoice"/>.
/// </summary>
public static class VectorWidthCalibration
{
    public const int Rounds = 2;

    public static VectorWidthChoice Run(Action<string> progress)
    {
        var figures = new Dictionary<int, List<double[]>> { [8] = new(), [16] = new() };
        for (int round = 1; round <= Rounds; round++)
            foreach (int lanes in new[] { 8, 16 })
            {
                progress($"calibration round {round} of {Rounds}: {lanes} lanes ...");
                figures[lanes].Add(Measure(lanes));
            }
        string[] names = { "M1 ~30 connections", "M1 ~300 connections", "M2 swing-up" };
        var ratios = new Dictionary<string, double>();
        for (int k = 0; k < names.Length; k++)
            ratios[names[k]] = figures[16].Select(f => f[k]).Median() / figures[8].Select(f => f[k]).Median();
        return VectorWidthChoice.From(ratios);
    }

    /// <summary>M1 at both sizes and M2, in connection evaluations and environment steps per second, from a child at <paramref name="lanes"/> lanes.</summary>
    private static double[] Measure(int lanes)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (string arg in new[] { "bench", "--backend", "cpu", "--quick", "--only", "M1,M2", "--host-genomes", "none", "--json" }) start.ArgumentList.Add(arg);
        start.Environment[VectorWidthChoice.Variable] = lanes == 16 ? VectorWidthChoice.Wide : "256";
        using var child = Process.Start(start) ?? throw new WannException("could not start wann bench for the calibration");
        var error = child.StandardError.ReadToEndAsync();
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new WannException($"the calibration's bench at {lanes} lanes failed: {error.Result.Trim()}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        string device = root.GetProperty("device").GetString() ?? "";
        if (!device.Contains($"{lanes} lanes", StringComparison.Ordinal))
            throw new WannException($"the calibration asked for {lanes} lanes and the bench ran '{device}'");
        var m1 = root.GetProperty("connEvalsPerSec");
        return new[] { m1[0].GetDouble(), m1[1].GetDouble(), root.GetProperty("envStepsPerSec").GetDouble() };
    }
}
