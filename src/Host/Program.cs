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

    /// <summary>Parses the verb and runs it; exit status 0 on success, 2 on bad input.</summary>
    public static int Run(string[] args)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = Console.Error;
            settings.CaseInsensitiveEnumValues = true;
        });
        return parser.ParseArguments<ForwardOptions, EvalOptions, TrainOptions, DevicesOptions, CheckOptions, BenchOptions>(args).MapResult(
            (ForwardOptions o) => ForwardCommand.Run(o),
            (EvalOptions o) => EvalCommand.Run(o),
            (TrainOptions o) => TrainCommand.Run(o),
            (DevicesOptions o) => DevicesCommand.Run(o),
            (CheckOptions o) => CheckCommand.Run(o),
            (BenchOptions o) => BenchCommand.Run(o),
            errors => errors.Any(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.VersionRequestedError or ErrorType.HelpVerbRequestedError) ? 0 : 2);
    }
}
