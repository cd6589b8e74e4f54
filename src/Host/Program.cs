using CommandLine;
using Wann.Engine;
using Wann.Host.Commands;

namespace Wann.Host;

public static class Program
{
    public static int Main(string[] args)
    {
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
        typeof(ForwardOptions), typeof(EvalOptions), typeof(TrainOptions), typeof(DevicesOptions), typeof(CheckOptions), typeof(BenchOptions),
        typeof(RenderOptions), typeof(PlotOptions), typeof(SweepOptions), typeof(ReportOptions),
        typeof(TuneOptions), typeof(TableOptions),
    };

    /// <summary>Parses the verb and runs it; exit status 0 on success, 2 on bad input.</summary>
    public static int Run(string[] args)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null; // errors become one line below; help goes to standard output
            settings.CaseInsensitiveEnumValues = true;
        });
        var result = parser.ParseArguments(args, Verbs);
        return result.MapResult(
            (ForwardOptions o) => ForwardCommand.Run(o),
            (EvalOptions o) => EvalCommand.Run(o),
            (TrainOptions o) => TrainCommand.Run(o),
            (DevicesOptions o) => DevicesCommand.Run(o),
            (CheckOptions o) => CheckCommand.Run(o),
            (BenchOptions o) => BenchCommand.Run(o),
            (RenderOptions o) => RenderCommand.Run(o),
            (PlotOptions o) => PlotCommand.Run(o),
            (SweepOptions o) => SweepCommand.Run(o),
            (ReportOptions o) => ReportCommand.Run(o),
            (TuneOptions o) => TuneCommand.Run(o),
            (TableOptions o) => TableCommand.Run(o),
            errors => ReportParseErrors(result, errors.ToList()));
    }

    private static int ReportParseErrors(ParserResult<object> result, List<Error> errors)
    {
        if (errors.Any(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.HelpVerbRequestedError or ErrorType.VersionRequestedError or ErrorType.NoVerbSelectedError))
        {
            Console.Out.WriteLine(CommandLine.Text.HelpText.AutoBuild(result, h => h, e => e, verbsIndex: errors.Any(e => e.Tag is ErrorType.NoVerbSelectedError or ErrorType.HelpVerbRequestedError)));
            return errors.Any(e => e.Tag == ErrorType.NoVerbSelectedError) ? 2 : 0;
        }
        Console.Error.WriteLine($"wann: {Describe(errors[0])} (see 'wann help' or 'wann VERB --help')");
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
        _ => $"bad command line ({error.Tag})",
    };
}
