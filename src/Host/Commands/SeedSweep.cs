using System.Globalization;
using Wann.Engine;

namespace Wann.Host.Commands;

/// <summary>
/// <c>wann train --seeds 1-8 --out DIR</c>: the same search once per seed, each a normal run folder
/// DIR/seed-N, run one after the other (each already uses every core); <c>wann plot --runs DIR</c> overlays them.
/// </summary>
public static class SeedSweep
{
    /// <summary>Runs each seed in turn; every run's run.json records <paramref name="arguments"/>, the command line that started the sweep.</summary>
    public static int Run(TrainOptions options, IReadOnlyList<string> arguments)
    {
        if (options.Resume is not null) throw new WannException("--seeds starts new runs: resume each seed's folder with --resume DIR/seed-N");
        if (options.Out is null) throw new WannException("--seeds needs --out DIR (one folder seed-N per seed inside it)");
        if (options.Seed is not null) throw new WannException("give either --seed or --seeds, not both");
        var seeds = Parse(options.Seeds!);
        foreach (ulong seed in seeds)
        {
            string folder = Path.Combine(options.Out, $"seed-{seed}");
            if (!options.Quiet) Console.WriteLine($"seed {seed} -> {folder}");
            int status = TrainCommand.Run(options.ForSeed(seed, folder), arguments);
            if (status != 0) return status;
        }
        if (!options.Quiet) Console.WriteLine($"{seeds.Count} runs in {options.Out}; compare them with: wann plot --runs {options.Out} --out curves.png");
        return 0;
    }

    /// <summary>"1-8" (inclusive), "1,3,5", or a mix ("1-3,7"); no seed twice.</summary>
    public static List<ulong> Parse(string text)
    {
        var seeds = new List<ulong>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !ends.All(e => ulong.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                throw new WannException($"--seeds: '{part}' is not a seed or a range like 1-8");
            ulong first = ulong.Parse(ends[0], CultureInfo.InvariantCulture), last = ulong.Parse(ends[^1], CultureInfo.InvariantCulture);
            if (last < first) throw new WannException($"--seeds: range '{part}' runs backwards");
            if (last - first >= 10000) throw new WannException($"--seeds: range '{part}' holds more than 10000 seeds");
            for (ulong s = first; s <= last; s++) seeds.Add(s);
        }
        if (seeds.Count == 0) throw new WannException("--seeds: no seeds given");
        if (seeds.Distinct().Count() != seeds.Count) throw new WannException("--seeds: a seed is given twice");
        return seeds;
    }
}
