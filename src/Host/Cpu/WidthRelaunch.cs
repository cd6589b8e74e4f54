using System.Collections;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Wann.Host.Cpu;

/// <summary>
/// Applies a 16-lane <see cref="VectorWidthChoice"/>: the runtime sizes Vector&lt;float&gt; before any code runs, so wann
/// replaces itself (execve: the same process id, standard streams and arguments) with a wann started with
/// DOTNET_MaxVectorTBitWidth=512. Linux only, and only where that variable is not set: the user's setting, and the
/// calibration's own bench processes, are never overridden. Should execve fail, wann goes on at the default width.
/// </summary>
public static class WidthRelaunch
{
    /// <summary>Set in the replacing process, so it reports that its width was chosen by measurement.</summary>
    public const string Marker = "WANN_VECTOR_WIDTH_CHOSEN";

    [DllImport("libc", SetLastError = true)]
    private static extern int execve(string path, string?[] argv, string?[] envp);

    /// <summary>Whether this process should hand over to a 16-lane one (never where wann is not the program, as under a test host).</summary>
    public static bool Wanted() =>
        OperatingSystem.IsLinux()
        && System.Reflection.Assembly.GetEntryAssembly() == typeof(WidthRelaunch).Assembly
        && Vector<float>.Count < 16
        && System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated
        && Environment.GetEnvironmentVariable(VectorWidthChoice.Variable) is null or ""
        && VectorWidthChoice.Load() is { Lanes: 16 };

    /// <summary>Replaces this process by wann at 16 lanes with the same arguments; returns only if that failed.</summary>
    public static void Replace(string[] args)
    {
        string path = Environment.ProcessPath!;
        var argv = new List<string?> { path };
        // Under 'dotnet wann.dll' the process is the dotnet host: the assembly goes first.
        if (Path.GetFileNameWithoutExtension(path) == "dotnet") argv.Add(Environment.GetCommandLineArgs()[0]);
        argv.AddRange(args);
        argv.Add(null);
        var envp = new List<string?>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables()) envp.Add($"{variable.Key}={variable.Value}");
        envp.Add($"{VectorWidthChoice.Variable}={VectorWidthChoice.Wide}");
        envp.Add($"{Marker}=1");
        envp.Add(null);
        Console.Out.Flush();
        execve(path, argv.ToArray(), envp.ToArray());
    }
}
