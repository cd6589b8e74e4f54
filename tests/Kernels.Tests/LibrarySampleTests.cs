using Wann.Engine.Formats;
using Wann.Engine.Genomes;

namespace Wann.Kernels.Tests;

public sealed class LibrarySampleTests
{
    [Fact]
    public void LibrarySearchSample_RunsASearchFromCode_AndSavesANetworkThatReadsBack()
    {
        string folder = Path.Combine(Path.GetTempPath(), "wann-kernels-tests", Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        var old = Console.Out;
        Console.SetOut(output);
        int status;
        try { status = Wann.Samples.LibrarySearch.Program.Main(new[] { folder }); }
        finally { Console.SetOut(old); }

        Assert.Equal(0, status);
        Assert.Contains("generation 11:", output.ToString());
        var json = NetworkFiles.Load(Path.Combine(folder, "best.json"), null, null);
        var matrix = NetworkFiles.Load(Path.Combine(folder, "best.out"), new NetworkShape(4, 2), "cartpole");
        Assert.Equal("cartpole", json.Task);
        Assert.Equal(json.Genome.EnabledConnectionCount, matrix.Genome.EnabledConnectionCount);
    }
}
