namespace Wann.Engine.Search;

public enum MutationKind
{
    AddConnection,
    AddNode,
    EnableConnection,
    ChangeActivation,
}
