using SkiaSharp;
using Wann.Host.Output.Animation;

namespace Wann.Host.Tests;

public sealed class EpisodeCommandTests
{
    [Fact]
    public void SwingUpChampion_TrajectoryTotalsWhatEvalGivesTheSameSeed_AndEveryFormatIsWritten()
    {
        string stem = Path.Combine(HostRunner.TempFolder(), "swing");
        var result = HostRunner.Run("episode", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--weight", "1", "--seed", "3", "--out", stem);
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (string ext in new[] { ".csv", ".json", ".gif" }) Assert.Contains($"wrote {stem}{ext} (", result.Out);
        var eval = HostRunner.Json(HostRunner.Run("eval", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--weights", "1",
            "--episodes", "1", "--seed", "3", "--backend", "reference", "--json").Out);
        float expected = (float)eval.GetProperty("mean")[0].GetDouble();

        var json = HostRunner.Json(File.ReadAllText(stem + ".json"));
        Assert.Equal(expected, (float)json.GetProperty("totalReward").GetDouble());
        Assert.Equal(1000, json.GetProperty("steps").GetInt32());
        Assert.Equal(5, json.GetProperty("observations")[0].GetArrayLength());

        var rows = File.ReadAllLines(stem + ".csv");
        Assert.Equal("step,obs:x,obs:x_dot,obs:cos(theta),obs:sin(theta),obs:theta_dot,out:force,reward,done", rows[0]);
        Assert.Equal(1001, rows.Length);
        float total = 0f;
        foreach (var row in rows.Skip(1)) total += float.Parse(row.Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, total);

        using var codec = SKCodec.Create(stem + ".gif");
        Assert.Equal(SKEncodedImageFormat.Gif, codec.EncodedFormat);
        Assert.Equal(1000 / 4 + 1, codec.FrameCount); // swing-up steps are 0.01 s: every 4th step, then the final state
        Assert.Equal(EpisodeAnimation.Width, codec.Info.Width);
    }

    [Fact]
    public void BipedChampion_TrajectoryTotalsWhatEvalGivesTheSameSeed()
    {
        string stem = Path.Combine(HostRunner.TempFolder(), "biped");
        var result = HostRunner.Run("episode", "--net", TestPaths.Reference("biped.out"), "--task", "biped", "--weight=-2", "--out", stem + ".csv");
        Assert.True(result.ExitCode == 0, result.Error);
        var eval = HostRunner.Json(HostRunner.Run("eval", "--net", TestPaths.Reference("biped.out"), "--task", "biped", "--weights=-2",
            "--episodes", "1", "--backend", "reference", "--json").Out);
        float expected = (float)eval.GetProperty("mean")[0].GetDouble();
        var rows = File.ReadAllLines(stem + ".csv");
        Assert.StartsWith("step,obs:in0,", rows[0]);
        Assert.EndsWith("out:hip1,out:knee1,out:hip2,out:knee2,reward,done", rows[0]);
        float total = 0f;
        foreach (var row in rows.Skip(1)) total += float.Parse(row.Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, total);
        Assert.InRange(rows.Length - 1, 100, 1600);
    }

    [Fact]
    public void BipedChampion_Gif_ShowsTheWalkerAndItsLidar_InEveryFrame()
    {
        string gif = Path.Combine(HostRunner.TempFolder(), "walk.gif");
        var result = HostRunner.Run("episode", "--net", TestPaths.Reference("biped.out"), "--task", "biped", "--weight=-2", "--fps", "5", "--out", gif);
        Assert.True(result.ExitCode == 0, result.Error);
        int steps = int.Parse(result.Out.Split("biped: ")[1].Split(' ')[0]);
        using var codec = SKCodec.Create(gif);
        // 5 frames a second of 50 steps a second: every 10th step, and the final state.
        Assert.Equal(steps / 10 + 1 + (steps % 10 == 0 ? 0 : 1), codec.FrameCount);
        foreach (int frame in new[] { 0, codec.FrameCount / 2, codec.FrameCount - 1 })
        {
            using var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels(), new SKCodecOptions(frame)));
            var colours = bitmap.Pixels.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(colours.GetValueOrDefault(new SKColor(153, 102, 255)) > 200, $"frame {frame}: no hull");
            Assert.True(colours.GetValueOrDefault(new SKColor(255, 0, 0)) > 50, $"frame {frame}: no lidar rays");
            Assert.True(colours.GetValueOrDefault(new SKColor(102, 204, 102)) > 10_000, $"frame {frame}: no ground");
        }
    }

    [Fact]
    public void TaskWithoutAPicture_GetsNoGif_AndNothingIsWritten()
    {
        string folder = HostRunner.TempFolder();
        string net = Path.Combine(folder, "net.json");
        var genome = Engine.Search.InitialPopulation.Create(new Engine.Genomes.NetworkShape(4, 2), 1, 1.0, new Engine.Randomness.SeededRandom(5)).Population[0];
        Engine.Formats.NetworkFiles.Save(net, new Engine.Formats.NetworkFile(genome, "pointmass", new Engine.Formats.Provenance("test")));
        var result = HostRunner.Run("episode", "--net", net, "--task", "pointmass", "--weight", "1", "--out", Path.Combine(folder, "e.gif"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("wann: --task: task 'pointmass' has no picture for an animation (tasks with one: ", result.Error);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("biped", "24x4")]
    [InlineData("cartpole", "4x2")]
    [InlineData("acrobot", "6x3")]
    [InlineData("mountaincar", "2x1")]
    [InlineData("pendulum", "3x1")]
    public void EveryRolloutTask_HasAnAnimation(string task, string shape)
    {
        string folder = HostRunner.TempFolder();
        string net = Path.Combine(folder, "net.json");
        var genome = Engine.Search.InitialPopulation.Create(Engine.Genomes.NetworkShape.Parse(shape, "t"), 1, 1.0, new Engine.Randomness.SeededRandom(5)).Population[0];
        Engine.Formats.NetworkFiles.Save(net, new Engine.Formats.NetworkFile(genome, task, new Engine.Formats.Provenance("test")));
        string gif = Path.Combine(folder, "episode.gif");
        var result = HostRunner.Run("episode", "--net", net, "--task", task, "--weight=-1.5", "--out", gif);
        Assert.True(result.ExitCode == 0, result.Error);
        using var codec = SKCodec.Create(gif);
        Assert.True(codec.FrameCount >= 2);
        Assert.False(File.Exists(Path.Combine(folder, "episode.csv")));
    }

    [Fact]
    public void Gif_DecodesToThePaletteColoursOfEachFrame()
    {
        const int width = 37, height = 23;
        var frames = new List<byte[]>();
        var random = new Random(2);
        for (int f = 0; f < 3; f++)
        {
            var rgba = new byte[width * height * 4];
            for (int p = 0; p < width * height; p++)
            {
                // Blocks of flat colour with noise: long runs and table resets both occur.
                byte v = (byte)(f == 2 ? random.Next(256) : (p / 7 * 51) % 256);
                rgba[p * 4] = v; rgba[p * 4 + 1] = (byte)(255 - v); rgba[p * 4 + 2] = (byte)(p % 3 * 100); rgba[p * 4 + 3] = 255;
            }
            frames.Add(rgba);
        }
        using var stream = new MemoryStream();
        var gif = new GifEncoder(stream, width, height);
        foreach (var frame in frames) gif.AddFrame(frame, 5);
        gif.Finish();

        var palette = new GifPalette();
        using var codec = SKCodec.Create(new MemoryStream(stream.ToArray()));
        Assert.Equal(3, codec.FrameCount);
        for (int f = 0; f < 3; f++)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels(), new SKCodecOptions(f)));
            var pixels = bitmap.GetPixelSpan();
            for (int p = 0; p < width * height; p++)
            {
                int index = palette.Index(frames[f][p * 4], frames[f][p * 4 + 1], frames[f][p * 4 + 2]);
                Assert.Equal(palette.Rgb[index * 3], pixels[p * 4]);
                Assert.Equal(palette.Rgb[index * 3 + 1], pixels[p * 4 + 1]);
                Assert.Equal(palette.Rgb[index * 3 + 2], pixels[p * 4 + 2]);
            }
        }
    }

    [Fact]
    public void LargeFrames_PastTheLzwTableLimit_Decode()
    {
        const int width = 300, height = 200;
        var random = new Random(9);
        var rgba = new byte[width * height * 4];
        random.NextBytes(rgba);
        using var stream = new MemoryStream();
        var gif = new GifEncoder(stream, width, height);
        gif.AddFrame(rgba, 4);
        gif.Finish();
        using var codec = SKCodec.Create(new MemoryStream(stream.ToArray()));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        var palette = new GifPalette();
        var pixels = bitmap.GetPixelSpan();
        for (int p = 0; p < width * height; p += 97)
            Assert.Equal(palette.Rgb[palette.Index(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]) * 3 + 1], pixels[p * 4 + 1]);
    }

    [Fact]
    public void OutOfAnotherKind_IsOneLine_AndWritesNothing()
    {
        string file = Path.Combine(HostRunner.TempFolder(), "e.png");
        var result = HostRunner.Run("episode", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--stored", "--out", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must end in .csv, .json or .gif", result.Error);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("--task=digits", "classification task")]
    [InlineData("--task=racer", "has no simulator")]
    public void TasksWithoutEpisodes_AreOneLine(string task, string message)
    {
        var result = HostRunner.Run("episode", "--net", TestPaths.Reference("swing.out"), task, "--weight", "1", "--out", Path.Combine(HostRunner.TempFolder(), "e.gif"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void SwingUpScene_KeepsAHangingPoleInsideTheFrame_AboveTheCaption()
    {
        var sketch = new Kernels.Tasks.Scenes.Sketch(EpisodeAnimation.Width, EpisodeAnimation.Height);
        // Cart at the middle, pole hanging straight down: cos θ = -1, sin θ = 0.
        Kernels.Tasks.CartScene.SwingUp().Draw(sketch, new Kernels.Tasks.Scenes.SceneMoment(0, new[] { 0f, 0f, -1f, 0f, 0f }, new float[5], new float[4]));
        var pole = sketch.Shapes.OfType<Kernels.Tasks.Scenes.SketchLine>().Single(l => l.Round);
        float lowest = pole.Points.Max(p => p.Y) + pole.Width / 2;
        Assert.True(lowest < EpisodeAnimation.Height - 20, $"the pole reaches row {lowest} of {EpisodeAnimation.Height}");
    }
}
