using BenchmarkDotNet.Running;

namespace Wann.Perf;

/// <summary>Micro-benchmarks of the hot paths: <c>dotnet run -c Release --project perf/Wann.Perf -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
