namespace Wann.Engine.Search;

/// <summary>Running counters for new node ids and connection innovation ids, shared by a whole run.</summary>
public sealed class InnovationCounter
{
    public int NextNodeId { get; private set; }
    public long NextInnovation { get; private set; }

    public InnovationCounter(int nextNodeId, long nextInnovation)
    {
        NextNodeId = nextNodeId;
        NextInnovation = nextInnovation;
    }

    public int TakeNodeId() => NextNodeId++;
    public long TakeInnovation() => NextInnovation++;
}
