namespace Wann.Engine.Programs;

/// <summary>How a compiled program scales its edges.</summary>
public enum WeightMode
{
    /// <summary>Every enabled edge has scale 1; the lane's shared weight multiplies each node's sum.</summary>
    Shared,
    /// <summary>Every enabled edge keeps its stored weight; evaluate with shared weight 1.</summary>
    Stored,
}
