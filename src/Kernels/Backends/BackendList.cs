using System.Globalization;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Kernels.Gpu;

namespace Wann.Kernels.Backends;

/// <summary>
/// <c>--backend</c> naming one device or several: <c>cpu</c>, <c>cuda:1</c>, <c>cuda:0,cuda:1</c>,
/// <c>cpu,ilgpu-cpu</c>, <c>all</c> (every CUDA and OpenCL device here) or <c>all+cpu</c> (and the SIMD
/// CPU backend). Several devices become one <see cref="ShardedEvaluator"/>.
/// </summary>
public static class BackendList
{
    public const string Syntax = "a backend, a device such as cuda:1, a comma-separated list (cuda:0,cuda:1 or cpu,ilgpu-cpu), all, or all+cpu";

    /// <summary>The devices <paramref name="text"/> names; <c>all</c> is expanded with <paramref name="gpus"/> (the CUDA and OpenCL devices here).</summary>
    public static IReadOnlyList<DeviceChoice> Parse(string text, Func<IReadOnlyList<DeviceChoice>> gpus)
    {
        string trimmed = text.Trim();
        if (trimmed.Equals("all", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("all+cpu", StringComparison.OrdinalIgnoreCase))
        {
            var found = gpus();
            bool withCpu = trimmed.Length > 3;
            if (found.Count == 0 && !withCpu)
                throw new WannException("--backend all: no CUDA or OpenCL device here (run 'wann devices'); use all+cpu to include the CPU, or cpu");
            return withCpu ? found.Append(new DeviceChoice(BackendKind.Cpu)).ToList() : found;
        }

        var items = text.Split(',');
        var choices = new List<DeviceChoice>();
        foreach (string raw in items)
        {
            string item = raw.Trim();
            if (item.Length == 0) throw new WannException($"--backend: an empty name in '{text}' ({Syntax})");
            var choice = ParseOne(item);
            if (items.Length > 1 && choice.Kind == BackendKind.Auto)
                throw new WannException($"--backend: 'auto' picks one backend and cannot be part of a list ('{text}'); name the devices instead");
            if (choice.Kind is BackendKind.Cuda or BackendKind.OpenCL && choices.Contains(choice))
                throw new WannException($"--backend: {choice} is named twice in '{text}'");
            choices.Add(choice);
        }
        return choices;
    }

    /// <summary>One evaluator for the devices <paramref name="text"/> names: the backend itself for one, a sharded evaluator for several.</summary>
    public static IBackend Create(string text, int? threads = null, GpuSchedule schedule = GpuSchedule.Grid)
    {
        var choices = Parse(text, GpusHere);
        if (choices.Count == 1) return Create(choices[0], threads, schedule);
        var members = new List<IBackend>();
        try
        {
            foreach (var choice in choices) members.Add(Create(choice, threads, schedule));
        }
        catch
        {
            foreach (var member in members) member.Dispose();
            throw;
        }
        return new ShardedEvaluator(members);
    }

    private static IBackend Create(DeviceChoice choice, int? threads, GpuSchedule schedule) =>
        choice.Index == 0 ? BackendFactory.Create(choice.Kind, threads, schedule) : new GpuEvaluator(choice.Kind, choice.Index, schedule: schedule);

    private static DeviceChoice ParseOne(string item)
    {
        int colon = item.IndexOf(':');
        if (colon < 0)
        {
            if (item.Equals("all", StringComparison.OrdinalIgnoreCase) || item.Equals("all+cpu", StringComparison.OrdinalIgnoreCase))
                throw new WannException($"--backend: '{item}' stands alone, not in a list");
            return new DeviceChoice(BackendNames.Parse(item));
        }
        var kind = BackendNames.Parse(item[..colon]);
        if (kind is not (BackendKind.Cuda or BackendKind.OpenCL or BackendKind.IlgpuCpu))
            throw new WannException($"--backend {item}: only cuda, opencl and ilgpu-cpu take a device number");
        string number = item[(colon + 1)..];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            throw new WannException($"--backend {item}: '{number}' is not a device number (0, 1, ...)");
        return new DeviceChoice(kind, index);
    }

    /// <summary>Every CUDA device, then every OpenCL device, on this machine.</summary>
    private static IReadOnlyList<DeviceChoice> GpusHere()
    {
        using var context = GpuDevices.CreateContext();
        return new[] { BackendKind.Cuda, BackendKind.OpenCL }
            .SelectMany(kind => GpuDevices.OfKind(context, kind).Select((_, i) => new DeviceChoice(kind, i)))
            .ToList();
    }
}
