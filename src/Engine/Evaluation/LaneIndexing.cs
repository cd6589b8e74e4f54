namespace Wann.Engine.Evaluation;

/// <summary>
/// Where each (genome, weight, repetition) lane of an evaluation sits: a genome's lanes are adjacent,
/// weight-major, so lane = weight x repetitions + repetition and a table index is genome x lanes + lane.
/// Every backend and the fitness table use this one layout.
/// </summary>
public readonly record struct LaneIndexing(int Weights, int Repetitions)
{
    public int LanesPerGenome => Weights * Repetitions;

    public int LaneOf(int weight, int repetition) => weight * Repetitions + repetition;

    public int WeightOf(int lane) => lane / Repetitions;

    public int RepetitionOf(int lane) => lane % Repetitions;

    public long IndexOf(int genome, int weight, int repetition) => (long)genome * LanesPerGenome + LaneOf(weight, repetition);
}
