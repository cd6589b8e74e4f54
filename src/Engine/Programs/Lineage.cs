namespace Wann.Engine.Programs;

/// <summary>
/// Where a population came from: the previous generation, compiled, and the parent of each genome
/// (its index there). A genome that shares its parent's connection list, node ids and node kinds has its
/// parent's topology, so the compiler copies the parent's program and takes only the activations anew: the
/// elites and the change-activation children, more than half of a generation. The same bits as compiling
/// from scratch (the tests hold it to that); a resumed run, which has no lineage, compiles from scratch.
/// </summary>
public sealed record Lineage(CompiledPopulation Parents, int[] ParentOf);
