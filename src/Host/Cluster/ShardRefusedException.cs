namespace Wann.Host.Cluster;

/// <summary>A worker refused a shard (another protocol version, or data that does not validate); it was never evaluated.</summary>
[GenerateSerializer]
public sealed class ShardRefusedException : Exception
{
    public ShardRefusedException(string message) : base(message) { }
}
