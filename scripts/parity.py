#!/usr/bin/env python3
"""Search parity with the original: laptop_swing.json over many seeds, under both expression rules.

Runs `wann train` (cpu backend) for every seed under the original's rule (express_disabled_hidden true,
the default) and under the paper's (false), skipping runs already complete, then prints, at each
checkpoint generation, the median and interquartile range over seeds of the log's median expressed
connections, the generation's best fitness ("elite", unconfirmed, as the original logs it) and the
population's median fitness. With --original-stats, the original's own logged run (its log/*_stats.out:
columns x_scale, fit_med, fit_max, fit_top, fit_peak, node_med, conn_med) is printed beside them, with
the share of our seeds that lie below it.

  python3 scripts/parity.py --seeds 1-32                     # run what is missing, print the table
  python3 scripts/parity.py --seeds 1-16 --no-table          # one chunk of runs
  python3 scripts/parity.py --seeds 1-32 --no-run --original-stats sample_stats.out

Needs a built wann (dotnet build src/Host -c Release) and reference/wann-original/laptop_swing.json.
Standard library only.
"""
import argparse, json, os, shutil, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = (("original", True), ("enabled-only", False))


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        seeds.extend(range(int(lo), int(hi or lo) + 1))
    return seeds


def log_rows(folder):
    path = os.path.join(folder, "log.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def run(args, rule, express, seed):
    folder = os.path.join(args.runs, rule, f"seed-{seed}")
    if len(log_rows(folder)) >= args.gens:
        return
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.dirname(folder), exist_ok=True)
    config = os.path.join(args.runs, rule, "config.json")
    with open(args.config) as f:
        settings = json.load(f)
    settings["express_disabled_hidden"] = express
    with open(config, "w") as f:
        json.dump(settings, f, indent=1)
    command = ["dotnet", args.wann, "train", "--config", config, "--gens", str(args.gens), "--seed", str(seed),
               "--backend", "cpu", "--out", folder, "--quiet"]
    subprocess.run(command, check=True)
    print(f"{rule} seed {seed}: done", file=sys.stderr)


def quartiles(values):
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def cell(values):
    q1, q2, q3 = quartiles(values)
    return f"{q2:.1f} [{q1:.1f}-{q3:.1f}]"


def table(args, seeds):
    original = None
    if args.original_stats:
        with open(args.original_stats) as f:
            original = [[float(v) for v in line.split(",")] for line in f if line.strip()]
    measures = (("median connections", "medianConnections", 6), ("elite fitness", "bestFitness", 2),
                ("median fitness", "medianFitness", 1))
    print(f"laptop_swing.json, {len(seeds)} seeds, cpu backend: median [interquartile range] over seeds")
    header = "| generation | measure | " + " | ".join(f"{rule} rule" for rule, _ in RULES)
    header += " | original's logged run (share of our original-rule seeds below it) |" if original else " |"
    print(header)
    print("|" + " --- |" * (header.count("|") - 1))
    for gen in args.checkpoints:
        for name, key, column in measures:
            cells = []
            ours = None
            for rule, _ in RULES:
                values = []
                for seed in seeds:
                    rows = log_rows(os.path.join(args.runs, rule, f"seed-{seed}"))
                    if len(rows) > gen:
                        values.append(rows[gen][key])
                if not values:
                    cells.append("(no runs)")
                    continue
                cells.append(cell(values) + (f" (n={len(values)})" if len(values) != len(seeds) else ""))
                if rule == "original":
                    ours = values
            line = f"| {gen} | {name} | " + " | ".join(cells)
            if original and len(original) > gen:
                theirs = original[gen][column]
                below = f"{100 * sum(v < theirs for v in ours) / len(ours):.0f} %" if ours else "-"
                line += f" | {theirs:.1f} ({below}) |"
            else:
                line += " |"
            print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1-32", help="seeds, e.g. 1-32 or 1-8,20")
    parser.add_argument("--gens", type=int, default=256)
    parser.add_argument("--runs", default=os.path.join(ROOT, "runs", "parity"), help="folder of the run folders")
    parser.add_argument("--config", default=os.path.join(ROOT, "reference", "wann-original", "laptop_swing.json"))
    parser.add_argument("--wann", default=os.path.join(ROOT, "src", "Host", "bin", "Release", "net10.0", "wann.dll"))
    parser.add_argument("--checkpoints", type=lambda t: [int(g) for g in t.split(",")], default=[0, 32, 64, 128, 192, 255])
    parser.add_argument("--original-stats", help="the original's log/*_stats.out of a laptop_swing run")
    parser.add_argument("--no-run", action="store_true", help="only print the table of the runs already there")
    parser.add_argument("--no-table", action="store_true", help="only run")
    args = parser.parse_args()
    seeds = parse_seeds(args.seeds)
    if not args.no_run:
        if not os.path.exists(args.wann):
            sys.exit(f"parity.py: {args.wann} is missing: build with dotnet build src/Host -c Release")
        for seed in seeds:
            for rule, express in RULES:
                run(args, rule, express, seed)
    if not args.no_table:
        table(args, seeds)


if __name__ == "__main__":
    main()
