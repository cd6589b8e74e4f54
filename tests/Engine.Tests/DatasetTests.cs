using System.IO.Compression;
using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;

namespace Wann.Engine.Tests;

public sealed class DatasetTests
{
    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), $"wann-{Guid.NewGuid():N}-{name}");

    private static byte[] Idx(int magic, int[] dims, byte[] data)
    {
        var bytes = new List<byte>();
        void BigEndian(int v) => bytes.AddRange(new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v });
        BigEndian(magic);
        foreach (int d in dims) BigEndian(d);
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static void WriteGzip(string path, byte[] data)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(data);
    }

    [Fact]
    public void IdxFiles_ReadGzippedOrPlain_ScaledToUnitRange()
    {
        var pixels = Enumerable.Range(0, 2 * 3 * 2).Select(i => (byte)(i * 20)).ToArray();
        string images = Temp("images.gz"), labels = Temp("labels");
        WriteGzip(images, Idx(0x803, new[] { 2, 3, 2 }, pixels));
        File.WriteAllBytes(labels, Idx(0x801, new[] { 2 }, new byte[] { 7, 3 }));
        var (values, count, rows, columns) = DatasetFiles.ReadIdxImages(images);
        Assert.Equal((2, 3, 2), (count, rows, columns));
        Assert.Equal(pixels.Select(p => p / 255f), values);
        Assert.Equal(new[] { 7, 3 }, DatasetFiles.ReadIdxLabels(labels));
    }

    [Fact]
    public void BadIdxFiles_AreRejectedClearly()
    {
        string wrongMagic = Temp("x"), truncated = Temp("y");
        File.WriteAllBytes(wrongMagic, Idx(0x801, new[] { 1 }, new byte[] { 1 }));
        File.WriteAllBytes(truncated, Idx(0x803, new[] { 5, 28, 28 }, new byte[] { 1, 2, 3 }));
        Assert.Contains("not an IDX image file", Assert.Throws<WannException>(() => DatasetFiles.ReadIdxImages(wrongMagic)).Message);
        Assert.Contains("ends early", Assert.Throws<WannException>(() => DatasetFiles.ReadIdxImages(truncated)).Message);
    }

    [Fact]
    public void IdxHeaderClaimingAGigabyte_OfAFewBytes_IsRefusedWithoutAllocatingIt()
    {
        string claims = Temp("claims"), atTheLimit = Temp("limit");
        File.WriteAllBytes(claims, Idx(0x803, new[] { 1_000_000, 32, 32 }, new byte[] { 1, 2, 3 }));
        File.WriteAllBytes(atTheLimit, Idx(0x803, new[] { 2, 1 << 15, 1 << 15 }, new byte[] { 1 }));
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("ends early", Assert.Throws<WannException>(() => DatasetFiles.ReadIdxImages(claims)).Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20, "the claimed size was allocated");
        Assert.Contains("implausible IDX header", Assert.Throws<WannException>(() => DatasetFiles.ReadIdxImages(atTheLimit)).Message);
    }

    [Fact]
    public void DigitsCsv_ScalesBy16_AndChecksEveryValue()
    {
        string good = Temp("digits.csv.gz"), bad = Temp("bad.csv");
        WriteGzip(good, System.Text.Encoding.ASCII.GetBytes(string.Join(",", Enumerable.Repeat("16", 64)) + ",7\n" + string.Join(",", Enumerable.Repeat("0", 64)) + ",0\n"));
        var data = DatasetFiles.ReadDigitsCsv(good);
        Assert.Equal(2, data.Count);
        Assert.Equal(1f, data.Image(0)[10]);
        Assert.Equal(new[] { 7, 0 }, data.Labels);
        File.WriteAllText(bad, string.Join(",", Enumerable.Repeat("17", 64)) + ",1\n");
        Assert.Contains("not a pixel value", Assert.Throws<WannException>(() => DatasetFiles.ReadDigitsCsv(bad)).Message);
    }

    [Fact]
    public void Resize_KeepsAConstantImage_AndAlignsPixelCentres()
    {
        var flat = Enumerable.Repeat(0.4f, 28 * 28).ToArray();
        Assert.All(ImagePreprocessing.ResizeBilinear(flat, 28, 28, 16, 16), v => Assert.Equal(0.4f, v, 5));
        // 4 -> 2 columns: destination centres fall at source 0.5 and 2.5, halfway between pixels.
        var ramp = new float[] { 0, 1, 2, 3 };
        Assert.Equal(new[] { 0.5f, 2.5f }, ImagePreprocessing.ResizeBilinear(ramp, 4, 1, 2, 1));
    }

    [Fact]
    public void Deskew_StraightensASlantedStroke_AndLeavesAnUprightOneAlone()
    {
        const int n = 16;
        var upright = new float[n * n];
        for (int y = 2; y < 14; y++) upright[y * n + 8] = 1f;
        Assert.Equal(upright, ImagePreprocessing.Deskew(upright, n, n));

        var slanted = new float[n * n];
        for (int y = 2; y < 14; y++) slanted[y * n + 8 + (y - 8) / 3] = 1f;
        var fixedImage = ImagePreprocessing.Deskew(slanted, n, n);
        double Spread(float[] img)
        {
            var xs = new List<double>();
            for (int y = 0; y < n; y++)
            {
                double mass = 0, sum = 0;
                for (int x = 0; x < n; x++) { mass += img[y * n + x]; sum += x * img[y * n + x]; }
                if (mass > 0.2) xs.Add(sum / mass);
            }
            return xs.Max() - xs.Min();
        }
        Assert.True(Spread(fixedImage) < Spread(slanted) / 2, $"{Spread(fixedImage)} vs {Spread(slanted)}");
    }

    [Fact]
    public void CrossEntropy_IsStable_AndMatchesTheFormula()
    {
        var outputs = new[] { 1f, 2f, 3f };
        double expected = -Math.Log(Math.Exp(2) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3)));
        Assert.Equal(expected, Scoring.CrossEntropy(outputs, 1), 10);
        Assert.True(double.IsFinite(Scoring.CrossEntropy(new[] { 1000f, -1000f }, 1)));
        Assert.True(double.IsNaN(Scoring.CrossEntropy(new[] { float.NaN, 0f }, 0)));
    }

    /// <summary>A forward evaluator that runs the reference interpreter (the ground truth).</summary>
    private sealed class ReferenceForward : IBackend
    {
        public string Name => "reference";
        public string Device => "test";
        public double KernelCompileSeconds => 0;
        public void Dispose() { }
        public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request) => throw new NotSupportedException();

        public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
        {
            int vectors = inputs.Length / batch.InputCount;
            var outputs = new float[batch.ProgramCount * weights.Length * vectors * batch.OutputCount];
            for (int g = 0; g < batch.ProgramCount; g++)
                for (int w = 0; w < weights.Length; w++)
                    for (int v = 0; v < vectors; v++)
                        ReferenceInterpreter.Evaluate(batch.ProgramAt(g), inputs.AsSpan(v * batch.InputCount, batch.InputCount), weights[w])
                            .CopyTo(outputs, ((g * weights.Length + w) * vectors + v) * batch.OutputCount);
            return outputs;
        }
    }

    /// <summary>Two pixels, two classes: class = which pixel is lit. The network out_k = pixel_k classifies perfectly at positive weights.</summary>
    private static (ClassificationData, Genome) TinyProblem()
    {
        var pixels = new List<float>();
        var labels = new List<int>();
        for (int i = 0; i < 40; i++) { pixels.AddRange(i % 2 == 0 ? new[] { 1f, 0f } : new[] { 0f, 1f }); labels.Add(i % 2); }
        var set = new ImageDataset(2, 1, pixels.ToArray(), labels.ToArray());
        var nodes = new List<NodeGene>
        {
            new(0, NodeKind.Bias, Activations.ActivationFunction.Linear), new(1, NodeKind.Input, Activations.ActivationFunction.Linear),
            new(2, NodeKind.Input, Activations.ActivationFunction.Linear), new(3, NodeKind.Output, Activations.ActivationFunction.Linear),
            new(4, NodeKind.Output, Activations.ActivationFunction.Linear),
        };
        var connections = new List<ConnectionGene> { new(0, 1, 3, true, 1f), new(1, 2, 4, true, 1f) };
        return (new ClassificationData(set, set, 2), new Genome(new NetworkShape(2, 2), nodes, connections));
    }

    [Fact]
    public void ClassificationScore_PerWeightAndEnsemble()
    {
        var (data, genome) = TinyProblem();
        var score = ClassificationScore.Of(genome, WeightMode.Shared, new[] { -1f, 2f }, data.Test, new ReferenceForward());
        Assert.Equal(0.0, score.Accuracy[0]);   // negative weight: the wrong output is larger
        Assert.Equal(1.0, score.Accuracy[1]);
        Assert.Equal(1.0, score.EnsembleAccuracy); // softmax at w = 2 is more confident than at w = -1
    }

    [Fact]
    public void ClassificationFitness_IsMinusMeanCrossEntropy_OnTheSameBatchForEveryGenome()
    {
        var (data, genome) = TinyProblem();
        using var evaluator = new ClassificationEvaluator(new ReferenceForward(), data, batchSize: 10);
        var batch = ProgramBatch.Concatenate(new[] { ProgramCompiler.Compile(genome, WeightMode.Shared), ProgramCompiler.Compile(genome, WeightMode.Shared) });
        var table = evaluator.Evaluate(batch, new EvaluationRequest(ClassificationTasks.Digits, new[] { 1f }, 1, 3, 0));
        double expected = Math.Log(1 + Math.Exp(-1)); // cross-entropy of outputs (1, 0) for class 0, and of (0, 1) for class 1
        Assert.Equal(-expected, table.Rewards[0], 5);
        Assert.Equal(table.Rewards[0], table.Rewards[1]);
    }

    [SkippableFact]
    public void RealDigits_WhenInstalled_Have1797ImagesSplitThreeToOne()
    {
        ClassificationData data;
        try { data = ClassificationSources.Digits(); }
        catch (WannException e) when (e.Message.Contains("data set not found")) { throw new SkipException("digits not installed (scripts/install-datasets.sh)"); }
        Assert.Equal(1797, data.Train.Count + data.Test.Count);
        Assert.Equal(449, data.Test.Count);
        Assert.Equal(64, data.Train.PixelCount);
        Assert.All(data.Train.Pixels, p => Assert.InRange(p, 0f, 1f));
    }

    [SkippableFact]
    public void RealFashionMnist_WhenInstalled_Is16x16_WithTheOfficialSplit()
    {
        ClassificationData data;
        try { data = ClassificationSources.Fashion16(); }
        catch (WannException e) when (e.Message.Contains("data set not found")) { throw new SkipException("Fashion-MNIST not installed (scripts/install-datasets.sh)"); }
        Assert.Equal((60000, 10000), (data.Train.Count, data.Test.Count));
        Assert.Equal((16, 16), (data.Train.Width, data.Train.Height));
        Assert.Equal(Enumerable.Range(0, 10), data.Test.Labels.Distinct().OrderBy(l => l));
    }

    [Fact]
    public void TaskWithoutData_IsOneClearError() =>
        Assert.Contains("no data set in this build", Assert.Throws<WannException>(() => ClassificationSources.Load(ClassificationTasks.Mnist256)).Message);
}
