namespace Wann.Host.Cluster;

/// <summary>
/// One batch on the cluster: the host's wall time, the slowest worker's own evaluation time and the time
/// spent cutting the shards; wall minus slowest worker is the cluster's overhead (serialise, send, gather).
/// </summary>
public sealed record ClusterTiming(double WallSeconds, double SlowestWorkerSeconds, double SliceSeconds, int Shards)
{
    public double OverheadSeconds => WallSeconds - SlowestWorkerSeconds;
}
