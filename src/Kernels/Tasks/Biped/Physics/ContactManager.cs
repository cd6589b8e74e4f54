namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2ContactManager</c> (Dynamics/b2ContactManager.cpp): creates contacts for new broad-phase
/// pairs (prepending them to the world list and to the dynamic body's list, as Box2D does), updates them
/// in list order, and destroys those whose fat AABBs stopped overlapping. Contacts come from a fixed pool.
/// </summary>
public sealed class ContactManager
{
    private readonly Contact[] _pool;
    private readonly int[] _free;
    private int _freeCount;
    private readonly Manifold _scratch = new();

    /// <summary>The collider shared by all contact updates.</summary>
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

    /// <summary><c>b2ContactManager::AddPair</c> for proxies with ids idA &lt; idB.</summary>
    public void AddPair(Body bodyA, Body bodyB)
    {
        // Does a contact already exist? (one fixture per body, so the bodies decide)
        for (int e = bodyB.ContactList; e != -1; e = _pool[e].NodeNext)
            if (_pool[e].A == bodyA) return;
        if (!bodyB.ShouldCollide(bodyA)) return;
        // b2ContactFilter::ShouldCollide with group index 0 everywhere.
        if ((bodyA.MaskBits & bodyB.CategoryBits) == 0 || (bodyA.CategoryBits & bodyB.MaskBits) == 0) return;
        if (bodyA.Polygon is not null || bodyB.Polygon is null || bodyB.Type != BodyType.Dynamic)
            throw new NotSupportedException("this Box2D port collides static edges with dynamic polygons only");
        if (_freeCount == 0) throw new InvalidOperationException($"more than {_pool.Length} contacts at once");

        Contact c = _pool[_free[--_freeCount]];
        c.Initialize(bodyA, bodyB);
        // Insert into the world list.
        c.Prev = -1;
        c.Next = ContactList;
        if (ContactList != -1) _pool[ContactList].Prev = c.Index;
        ContactList = c.Index;
        // Connect to body B's list (the static edge's list is never walked).
        c.NodePrev = -1;
        c.NodeNext = bodyB.ContactList;
        if (bodyB.ContactList != -1) _pool[bodyB.ContactList].NodePrev = c.Index;
        bodyB.ContactList = c.Index;
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
        if (c.NodePrev != -1) _pool[c.NodePrev].NodeNext = c.NodeNext;
        if (c.NodeNext != -1) _pool[c.NodeNext].NodePrev = c.NodePrev;
        if (c.Index == c.B.ContactList) c.B.ContactList = c.NodeNext;
        // b2Contact::Destroy wakes the bodies of a contact that had points.
        if (c.Manifold.PointCount > 0)
        {
            c.A.SetAwake(true);
            c.B.SetAwake(true);
        }
        _free[_freeCount++] = c.Index;
        --ContactCount;
    }

    /// <summary><c>b2ContactManager::Collide</c>: narrow phase for every contact with an awake dynamic body.</summary>
    public void Collide()
    {
        int ci = ContactList;
        while (ci != -1)
        {
            Contact c = _pool[ci];
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
