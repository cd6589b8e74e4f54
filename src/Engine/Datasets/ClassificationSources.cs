using Wann.Engine.Tasks;

namespace Wann.Engine.Datasets;

/// <summary>
/// Finds and prepares the data of the classification tasks. Files are looked for under $WANN_DATA, then
/// ~/.local/share/wann/datasets, then where Debian's packages put them; a missing data set is one error
/// line that says which package holds it.
/// </summary>
public static class ClassificationSources
{
    public const int Classes = 10;

    /// <summary>The data set of a task scored on test accuracy; one error for a task without one.</summary>
    public static ClassificationData Load(TaskSpec task) =>
        task.Scoring.Match<Func<ClassificationData>?>(() => null, data => data)?.Invoke()
        ?? throw new WannException($"task '{task.Name}' has no data set in this build{(task.WhyNot is null ? "" : $": it {task.WhyNot}")}");

    private static IEnumerable<string> Roots()
    {
        if (Environment.GetEnvironmentVariable("WANN_DATA") is { Length: > 0 } custom) yield return custom;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "wann", "datasets");
    }

    private static string Find(string what, IEnumerable<string> candidates, string package)
    {
        var list = candidates.ToList();
        return list.FirstOrDefault(File.Exists)
               ?? throw new WannException($"{what}: data set not found (looked for {string.Join(", ", list)}): run scripts/install-datasets.sh, which takes it from Debian's {package} package");
    }

    /// <summary>All 1797 digits; every fourth image (index mod 4 = 3) is held out for testing.</summary>
    public static ClassificationData Digits()
    {
        string path = Find("digits", Roots().Select(r => Path.Combine(r, "digits.csv.gz"))
            .Append("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"), "python3-sklearn");
        var all = DatasetFiles.ReadDigitsCsv(path);
        var train = Enumerable.Range(0, all.Count).Where(i => i % 4 != 3).ToList();
        var test = Enumerable.Range(0, all.Count).Where(i => i % 4 == 3).ToList();
        return new ClassificationData(all.Subset(train), all.Subset(test), Classes);
    }

    /// <summary>Fashion-MNIST's own 60000/10000 split, each image resized to 16x16 and deskewed.</summary>
    public static ClassificationData Fashion16()
    {
        string Folder(string file) => Find("fashion16", Roots().Select(r => Path.Combine(r, "fashion-mnist", file))
            .Append(Path.Combine("/usr/share/datasets/fashion-mnist", file)), "dataset-fashion-mnist");
        return new ClassificationData(
            Prepare(Folder("train-images-idx3-ubyte.gz"), Folder("train-labels-idx1-ubyte.gz")),
            Prepare(Folder("t10k-images-idx3-ubyte.gz"), Folder("t10k-labels-idx1-ubyte.gz")),
            Classes);
    }

    /// <summary>IDX images and labels, each image resized to 16x16 and deskewed (the original's mnist256 preparation).</summary>
    public static ImageDataset Prepare(string imagesPath, string labelsPath)
    {
        var (pixels, count, rows, columns) = DatasetFiles.ReadIdxImages(imagesPath);
        var labels = DatasetFiles.ReadIdxLabels(labelsPath);
        if (labels.Length != count) throw new WannException($"{labelsPath}: {labels.Length} labels for {count} images in {imagesPath}");
        if (labels.Any(l => l >= Classes)) throw new WannException($"{labelsPath}: a label is not a class from 0 to 9");
        const int side = 16;
        var prepared = new float[count * side * side];
        Parallel.For(0, count, i =>
        {
            var small = ImagePreprocessing.ResizeBilinear(pixels.AsSpan(i * rows * columns, rows * columns), columns, rows, side, side);
            ImagePreprocessing.Deskew(small, side, side).CopyTo(prepared, i * side * side);
        });
        return new ImageDataset(side, side, prepared, labels);
    }
}
