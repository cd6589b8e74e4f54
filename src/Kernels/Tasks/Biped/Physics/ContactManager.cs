namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2ContactManager</c> (Dynamics/b2ContactManager.cpp): creates contacts for new broad-phase
/// pairs (prepending them to the world list and to both bodies' lists, as Box2D does), updates them
/// in list order, and destroys those whose fat AABBs stopped overlapping. Contacts come from a fixed pool.
/// </summary>
public sealed class ContactManager
{
    private readonly Contact[] _pool;
    private readonly int[] _free;
    private int _freeCount;
    private readonly Manifold _scratch = new();

    /// <summary>The edge-polygon collider shared by all contact updates.</summary>
    public EdgePolygonCollider Collider { get; } = new();
    /// <summary>Head of the world contact list (pool index, -1 when empty).</summary>
    public int ContactList { get; private set; } = -1;
    /// <summary>Number of live contacts.</summary>
    public int ContactCount { get; private set; }
    /// <summary>The broad phase.</summary>
    public BroadPhase BroadPhase { get; } = new();
    /// <summary>Receives begin and end of touching.</summary>
    public IContactListener? Listener { get; set; }
    /// <summary>The pool (contacts are addressed by index).</summary>
    public Contact this[int index] => _pool[index];
    /// <summary>Pool size: the most contacts that can exist at once.</summary>
    public int Capacity => _pool.Length;

    /// <summary>A manager with room for <paramref name="capacity"/> contacts.</summary>
    public ContactManager(int capacity)
    {
        _pool = new Contact[capacity];
        _free = new int[capacity];
        for (int i = 0; i < capacity; ++i)
        {
            _pool[i] = new Contact(i);
            _free[i] = capacity - 1 - i;
        }
        _freeCount = capacity;
    }

    /// <summary><c>FindNewContacts</c>.</summary>
    public void FindNewContacts() => BroadPhase.UpdatePairs(this);

    /// <summary>The next contact edge in a body's list (<c>b2ContactEdge::next</c>).</summary>
    public int NextEdge(int edge)
    {
        Contact c = _pool[edge >> 1];
        return (edge & 1) == 0 ? c.NextA : c.NextB;
    }

    /// <summary>The contact of a contact edge.</summary>
    public Contact EdgeContact(int edge) => _pool[edge >> 1];

    /// <summary>The body at the other end of a contact edge (<c>b2ContactEdge::other</c>).</summary>
    public Body EdgeOther(int edge)
    {
        Contact c = _pool[edge >> 1];
        return (edge & 1) == 0 ? c.B : c.A;
    }

    /// <summary><c>b2ContactManager::AddPair</c> for proxies with ids idA &lt; idB.</summary>
    public void AddPair(Body bodyA, Body bodyB)
    {
        // Does a contact already exist? (one fixture per body, so the bodies decide)
        for (int e = bodyB.ContactList; e != -1; e = NextEdge(e))
            if (EdgeOther(e) == bodyA) return;
        if (!bodyB.ShouldCollide(bodyA)) return;
        // b2ContactFilter::ShouldCollide with group index 0 everywhere.
        if ((bodyA.MaskBits & bodyB.CategoryBits) == 0 || (bodyA.CategoryBits & bodyB.MaskBits) == 0) return;
        // b2Contact::Create: edge-polygon is registered with the edge as A; there is no edge-edge contact.
        if (bodyA.Polygon is not null && bodyB.Polygon is null) (bodyA, bodyB) = (bodyB, bodyA);
        if (bodyB.Polygon is null) return;
        if (_freeCount == 0) throw new InvalidOperationException($"more than {_pool.Length} contacts at once");

        Contact c = _pool[_free[--_freeCount]];
        c.Initialize(bodyA, bodyB);
        // Insert into the world list.
        c.Prev = -1;
        c.Next = ContactList;
        if (ContactList != -1) _pool[ContactList].Prev = c.Index;
        ContactList = c.Index;
        // Connect to body A's and body B's lists.
        int edgeA = 2 * c.Index, edgeB = 2 * c.Index + 1;
        c.PrevA = -1;
        c.NextA = bodyA.ContactList;
        if (bodyA.ContactList != -1) SetPrev(bodyA.ContactList, edgeA);
        bodyA.ContactList = edgeA;
        c.PrevB = -1;
        c.NextB = bodyB.ContactList;
        if (bodyB.ContactList != -1) SetPrev(bodyB.ContactList, edgeB);
        bodyB.ContactList = edgeB;
        bodyA.SetAwake(true);
        bodyB.SetAwake(true);
        ++ContactCount;
    }

    /// <summary><c>b2ContactManager::Destroy</c>: ends touching, unlinks, returns the slot to the pool.</summary>
    public void Destroy(Contact c)
    {
        if (c.Touching) Listener?.EndContact(c);
        if (c.Prev != -1) _pool[c.Prev].Next = c.Next;
        if (c.Next != -1) _pool[c.Next].Prev = c.Prev;
        if (c.Index == ContactList) ContactList = c.Next;
        int edgeA = 2 * c.Index, edgeB = 2 * c.Index + 1;
        if (c.PrevA != -1) SetNext(c.PrevA, c.NextA);
        if (c.NextA != -1) SetPrev(c.NextA, c.PrevA);
        if (edgeA == c.A.ContactList) c.A.ContactList = c.NextA;
        if (c.PrevB != -1) SetNext(c.PrevB, c.NextB);
        if (c.NextB != -1) SetPrev(c.NextB, c.PrevB);
        if (edgeB == c.B.ContactList) c.B.ContactList = c.NextB;
        // b2Contact::Destroy wakes the bodies of a contact that had points.
        if (c.Manifold.PointCount > 0)
        {
            c.A.SetAwake(true);
            c.B.SetAwake(true);
        }
        _free[_freeCount++] = c.Index;
        --ContactCount;
    }

    private void SetPrev(int edge, int prev)
    {
        Contact c = _pool[edge >> 1];
        if ((edge & 1) == 0) c.PrevA = prev; else c.PrevB = prev;
    }

    private void SetNext(int edge, int next)
    {
        Contact c = _pool[edge >> 1];
        if ((edge & 1) == 0) c.NextA = next; else c.NextB = next;
    }

    /// <summary><c>b2ContactManager::Collide</c>: narrow phase for every contact with an awake dynamic body.</summary>
    public void Collide()
    {
        int ci = ContactList;
        while (ci != -1)
        {
            Contact c = _pool[ci];
            if (c.FilterFlag)
            {
                // A joint created since: should these bodies still collide?
                if (!c.B.ShouldCollide(c.A))
                {
                    ci = c.Next;
                    Destroy(c);
                    continue;
                }
                c.FilterFlag = false;
            }
            bool activeA = c.A.Awake && c.A.Type != BodyType.Static;
            bool activeB = c.B.Awake && c.B.Type != BodyType.Static;
            if (!activeA && !activeB)
            {
                ci = c.Next;
                continue;
            }
            if (!BroadPhase.TestOverlap(c.A, c.B))
            {
                ci = c.Next;
                Destroy(c);
                continue;
            }
            c.Update(Listener, Collider, _scratch);
            ci = c.Next;
        }
    }

    /// <summary><c>b2Contact::Update</c> with this manager's listener and scratch space.</summary>
    public void Update(Contact c) => c.Update(Listener, Collider, _scratch);
}
