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

    /// <summary>Takes <paramref name="count"/> consecutive node ids and returns the first.</summary>
    public int ReserveNodeIds(int count)
    {
        int first = NextNodeId;
        NextNodeId = checked(NextNodeId + count);
        return first;
    }

    /// <summary>Takes <paramref name="count"/> consecutive innovation ids and returns the first.</summary>
    public long ReserveInnovations(int count)
    {
        long first = NextInnovation;
        NextInnovation += count;
        return first;
    }

    /// <summary>Restarts the counters (a reusable counter handing out one child's reserved ids).</summary>
    public void Reset(int nextNodeId, long nextInnovation)
    {
        NextNodeId = nextNodeId;
        NextInnovation = nextInnovation;
    }
}
