using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace Wann.Host.Cpu;

/// <summary>
/// The cpu backend's vector width (8 or 16 float lanes) as measured on this machine. .NET fixes Vector&lt;float&gt;'s
/// width when a process starts: 8 lanes on AVX2, and on AVX-512 too unless DOTNET_MaxVectorTBitWidth=512 is in the
/// environment then. So the choice is made once, by <c>wann devices --calibrate</c> (the bench's M1 and M2 in a child
/// process at each width), kept in a small file, and applied by <see cref="WidthRelaunch"/>, which starts wann again
/// with that variable (in place of itself) where the file chose 16 lanes for this CPU.
/// </summary>
/// <param name="Cpu">The processor the measurement ran on (<see cref="ThisCpu"/>); another CPU ignores the file.</param>
/// <param name="Ratios">16-lane figure over 8-lane figure for each measurement (above 1: 16 lanes faster).</param>
/// <param name="Lanes">The width chosen: 16 where the geometric mean of the ratios is at least <see cref="MinGain"/>, else 8.</param>
public sealed record VectorWidthChoice(string Cpu, string Dotnet, DateTime Measured, IReadOnlyDictionary<string, double> Ratios, int Lanes)
{
    /// <summary>16 lanes must beat 8 by this factor (geometric mean over the measurements): smaller gains are within a VM's noise.</summary>
    public const double MinGain = 1.05;

    /// <summary>The environment variable .NET reads at start-up, and the value that gives 16 lanes.</summary>
    public const string Variable = "DOTNET_MaxVectorTBitWidth";
    public const string Wide = "512";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Where the choice is kept: ~/.local/share/wann/vector-width.json on Linux (WANN_VECTOR_WIDTH_FILE overrides it, for tests).</summary>
    public static string FilePath =>
        Environment.GetEnvironmentVariable("WANN_VECTOR_WIDTH_FILE") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "wann", "vector-width.json");

    /// <summary>The choice from the ratios measured.</summary>
    public static VectorWidthChoice From(IReadOnlyDictionary<string, double> ratios) =>
        new(ThisCpu(), Environment.Version.ToString(), DateTime.UtcNow, ratios, GeometricMean(ratios.Values) >= MinGain ? 16 : 8);

    public static double GeometricMean(IEnumerable<double> ratios)
    {
        var list = ratios.ToList();
        return list.Count == 0 ? 1 : Math.Exp(list.Average(Math.Log));
    }

    /// <summary>The recorded choice if there is one and it was measured on this CPU; null otherwise (an unreadable file included).</summary>
    public static VectorWidthChoice? Load(string? path = null)
    {
        path ??= FilePath;
        try
        {
            if (!File.Exists(path)) return null;
            var choice = JsonSerializer.Deserialize<VectorWidthChoice>(File.ReadAllText(path), Json);
            return choice is not null && choice.Cpu == ThisCpu() ? choice : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Save(string? path = null)
    {
        path ??= FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The processor's model name and core count (Linux: /proc/cpuinfo), which a measurement holds for.</summary>
    public static string ThisCpu()
    {
        string model = "unknown CPU";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? model;
        }
        catch (IOException)
        {
        }
        return $"{model}, {Environment.ProcessorCount} cores, AVX-512 {(Vector512.IsHardwareAccelerated ? "yes" : "no")}";
    }

    /// <summary>One line on the width this process runs and why (for <c>wann devices</c> and <c>wann bench</c>).</summary>
    public static string Describe()
    {
        int lanes = Vector<float>.Count;
        var choice = Load();
        string measured = choice is null ? "" :
            $"measured {choice.Measured:yyyy-MM-dd}: 16 lanes {GeometricMean(choice.Ratios.Values):F2}x 8 lanes ({string.Join(", ", choice.Ratios.Select(r => $"{r.Key} {r.Value:F2}x"))})";
        if (Environment.GetEnvironmentVariable(WidthRelaunch.Marker) is not null)
            return $"cpu vector width: {lanes} lanes, chosen by measurement ({measured}; {FilePath})";
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set)
            return $"cpu vector width: {lanes} lanes ({Variable}={set} in the environment{(choice is null ? "" : $"; {measured}, chose {choice.Lanes}")})";
        if (!Vector512.IsHardwareAccelerated)
            return $"cpu vector width: {lanes} lanes ({(Vector.IsHardwareAccelerated ? "the widest this CPU runs" : "not hardware accelerated")})";
        return choice is null
            ? $"cpu vector width: {lanes} lanes; this CPU has AVX-512, where 16 lanes may be faster: 'wann devices --calibrate' measures both and keeps the faster"
            : $"cpu vector width: {lanes} lanes, chosen by measurement ({measured}; {FilePath})";
    }
}
