using CommandLine;
using Wann.Engine;
using Wann.Host.Commands;
using Wann.Host.Cpu;

namespace Wann.Host;

public static class Program
{
    public static int Main(string[] args)
    {
        // A measured 16-lane width needs the runtime started with it (Cpu/VectorWidthChoice).
        if (WidthRelaunch.Wanted()) WidthRelaunch.Replace(args);
        try
        {
            return Run(args);
        }
        catch (WannException e)
        {
            Console.Error.WriteLine($"wann: {e.Message}");
            return 2;
        }
    }

    private static readonly Type[] Verbs =
    {
        typeof(ForwardOptions), typeof(PredictOptions), typeof(EvalOptions), typeof(TrainOptions), typeof(DevicesOptions), typeof(CheckOptions), typeof(BenchOptions),
        typeof(RenderOptions), typeof(PlotOptions), typeof(SweepOptions), typeof(ReportOptions),
        typeof(ExportOptions), typeof(EpisodeOptions), typeof(TuneOptions), typeof(TableOptions), typeof(WorkerOptions), typeof(ClusterBenchOptions),
    };

    /// <summary>Parses the verb and runs it; exit status 0 on success, 2 on bad input.</summary>
    public static int Run(string[] args)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null; // errors become one line below; help goes to standard output
            settings.CaseInsensitiveEnumValues = true;
        });
        var result = parser.ParseArguments(HelpAliases(args), Verbs);
        return result.MapResult(options => Dispatch(options, args), errors => ReportParseErrors(args, result, errors.ToList()));
    }

    /// <summary>Runs the verb whose options were parsed (the parser's typed overloads stop at 16 verbs).</summary>
    private static int Dispatch(object options, string[] args) => options switch
    {
        ForwardOptions o => ForwardCommand.Run(o),
        PredictOptions o => PredictCommand.Run(o),
        EvalOptions o => EvalCommand.Run(o),
        TrainOptions o => TrainCommand.Run(o, args),
        DevicesOptions o => DevicesCommand.Run(o),
        CheckOptions o => CheckCommand.Run(o),
        BenchOptions o => BenchCommand.Run(o),
        RenderOptions o => RenderCommand.Run(o),
        PlotOptions o => PlotCommand.Run(o),
        SweepOptions o => SweepCommand.Run(o),
        ReportOptions o => ReportCommand.Run(o),
        ExportOptions o => ExportCommand.Run(o),
        EpisodeOptions o => EpisodeCommand.Run(o),
        TuneOptions o => TuneCommand.Run(o),
        TableOptions o => TableCommand.Run(o),
        WorkerOptions o => WorkerCommand.Run(o),
        ClusterBenchOptions o => ClusterBenchCommand.Run(o),
        _ => throw new InvalidOperationException($"no command runs {options.GetType().Name}"),
    };

    // "-h" is what most programs take for help; the parser knows only "--help" and "help VERB".
    private static string[] HelpAliases(string[] args)
    {
        int end = Array.IndexOf(args, "--");
        return args.Select((a, i) => a == "-h" && (end < 0 || i < end) ? "--help" : a).ToArray();
    }

    private static int ReportParseErrors(string[] args, ParserResult<object> result, List<Error> errors)
    {
        if (errors.Any(e => e.Tag == ErrorType.VersionRequestedError))
        {
            // The build fingerprint is what cluster workers and their host must share (docs/cluster.md).
            Console.Out.WriteLine($"wann {BuildInfo.Describe}, build {Cluster.BuildFingerprint.Current}");
            return 0;
        }
        // "wann help VERB" prints what "wann VERB --help" prints (the parser alone would list no options).
        if (errors.OfType<HelpVerbRequestedError>().FirstOrDefault() is { } helpVerb)
        {
            if (helpVerb is { Matched: true, Verb: { } verb }) return Run(new[] { verb, "--help" });
            if (args.Length > 1)
            {
                Console.Error.WriteLine($"wann: unknown command '{args[1]}' (see 'wann help')");
                return 2;
            }
        }
        if (errors.Any(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.HelpVerbRequestedError or ErrorType.NoVerbSelectedError))
        {
            // A verb's --help: its options; "wann help", "wann --help" or no verb at all: the list of verbs.
            bool index = errors.Any(e => e is NoVerbSelectedError or HelpVerbRequestedError);
            var help = CommandLine.Text.HelpText.AutoBuild(result, h => h, e => e, verbsIndex: index, maxDisplayWidth: 100);
            help.Heading = $"wann {BuildInfo.Describe}: weight agnostic neural network search";
            help.Copyright = "";
            Console.Out.WriteLine(HelpFooter.Add(help));
            return errors.Any(e => e.Tag == ErrorType.NoVerbSelectedError) ? 2 : 0;
        }
        string? hint = errors[0] is UnknownOptionError unknown && OptionSuggestion.For(Verbs, args.FirstOrDefault(), unknown.Token) is { } near
            ? $"; did you mean --{near}?" : "";
        Console.Error.WriteLine($"wann: {Describe(errors[0])}{hint} (see 'wann help' or 'wann VERB --help')");
        return 2;
    }

    private static string Describe(Error error) => error switch
    {
        BadVerbSelectedError e => $"unknown command '{e.Token}'",
        UnknownOptionError e => $"unknown option '{e.Token}'",
        MissingRequiredOptionError e => $"missing required option --{e.NameInfo.LongName}",
        BadFormatConversionError e => $"--{e.NameInfo.LongName}: not a valid value",
        MissingValueOptionError e => $"--{e.NameInfo.LongName} needs a value (write --{e.NameInfo.LongName}=VALUE for a negative number)",
        RepeatedOptionError e => $"--{e.NameInfo.LongName} given twice",
        SequenceOutOfRangeError e => $"--{e.NameInfo.LongName}: wrong number of values",
        NamedError e => $"--{e.NameInfo.LongName}: not accepted here",
        TokenError e => $"cannot read '{e.Token}' here",
        _ => "cannot read the command line",
    };
}
