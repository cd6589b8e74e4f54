namespace Wann.Host.Output;

/// <summary>A count and its noun, singular for one: "1 generation", "3 generations".</summary>
public static class Counted
{
    public static string Of(long count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
