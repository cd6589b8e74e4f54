using Wann.Engine.Activations;

namespace Wann.Engine.Genomes;

/// <summary>A node of a genome. Ids are unique within a run (a running counter), not positions.</summary>
public readonly record struct NodeGene(int Id, NodeKind Kind, ActivationFunction Activation);
