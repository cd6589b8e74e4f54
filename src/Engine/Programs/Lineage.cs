namespace Wann.Engine.Programs;

/// <summary>
/// Where a population came from: the previous generation, compiled, and the parent of each genome
/// (its index there). A genome with its parent's topology (the elites and the change-activation children,
/// more than half of a generation) or one forward edge more (most add-connection and enable children) has its
/// program copied from the parent's, activations taken anew (<see cref="InheritedProgram"/>). The same bits
/// as compiling from scratch (the tests hold it to that); a resumed run, which has no lineage, compiles from scratch.
/// </summary>
public sealed record Lineage(CompiledPopulation Parents, int[] ParentOf);
