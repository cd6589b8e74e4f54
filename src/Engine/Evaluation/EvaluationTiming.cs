namespace Wann.Engine.Evaluation;

/// <summary>
/// Where one evaluation's time went on a device: copying the batch in, running the kernels, copying the
/// results out. Host-side preparation (ordering, unpacking) is counted in none of them.
/// </summary>
public sealed record EvaluationTiming(double UploadSeconds, double KernelSeconds, double DownloadSeconds, int Launches)
{
    public double TotalSeconds => UploadSeconds + KernelSeconds + DownloadSeconds;
}
