namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// The part of Box2D's <c>b2BroadPhase</c> / <c>b2DynamicTree</c> that decides which contacts exist and in
/// which order they are created, without the tree: fat AABBs (0.1 margin, 2x displacement prediction,
/// <c>MoveProxy</c>'s containment test), the move buffer, and <c>UpdatePairs</c>' pair list sorted by
/// (lower proxy id, higher proxy id). Proxy ids grow with creation order in a fresh world (no proxy is ever
/// destroyed, and a moved leaf keeps its node), so body ids sort pairs as Box2D's proxy ids do; the
/// overlap test is the tree's own fat-AABB test, so the same pairs are found. Static proxies never move:
/// they are kept sorted by their fat AABB's lower x with a running maximum of the upper x, so a query
/// scans only the window of static proxies whose x-range can overlap (the terrain runs left to right).
/// </summary>
public sealed class BroadPhase
{
    private readonly List<Body> _proxies = new();
    private readonly List<Body> _dynamic = new();
    private Body[] _static = [];
    private float[] _staticLowerX = [];
    private float[] _staticMaxUpperX = [];
    private bool _staticDirty;
    private int[] _moveBuffer = new int[16];
    private int _moveCount;
    private long[] _pairs = new long[64];
    private int _pairCount;

    /// <summary>Number of proxies.</summary>
    public int ProxyCount => _proxies.Count;

    /// <summary><c>CreateProxy</c>: fattens the body's AABB and buffers it as moved.</summary>
    public void CreateProxy(Body body)
    {
        Aabb aabb = body.ComputeAabb(body.Xf);
        var r = new Vec2(Settings.AabbExtension, Settings.AabbExtension);
        body.FatAabb = new Aabb { Lower = aabb.Lower - r, Upper = aabb.Upper + r };
        _proxies.Add(body);
        if (body.Type == BodyType.Static) _staticDirty = true; else _dynamic.Add(body);
        BufferMove(body.Id);
    }

    /// <summary>
    /// The static proxies, sorted by lower x; those whose fat AABB x-range can overlap [lowerX, upperX] lie in
    /// [start, end).
    /// </summary>
    public ReadOnlySpan<Body> StaticWindow(float lowerX, float upperX)
    {
        if (_staticDirty) SortStatic();
        // First index whose running maximum of upper x reaches lowerX (the running maximum never decreases).
        int lo = 0, hi = _static.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_staticMaxUpperX[mid] < lowerX) lo = mid + 1; else hi = mid;
        }
        int start = lo;
        // First index whose lower x exceeds upperX.
        hi = _static.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_staticLowerX[mid] <= upperX) lo = mid + 1; else hi = mid;
        }
        return _static.AsSpan(start, lo - start);
    }

    private void SortStatic()
    {
        int count = 0;
        foreach (Body p in _proxies) if (p.Type == BodyType.Static) ++count;
        _static = new Body[count];
        count = 0;
        foreach (Body p in _proxies) if (p.Type == BodyType.Static) _static[count++] = p;
        Array.Sort(_static, static (a, b) => a.FatAabb.Lower.X != b.FatAabb.Lower.X ? a.FatAabb.Lower.X.CompareTo(b.FatAabb.Lower.X) : a.Id.CompareTo(b.Id));
        _staticLowerX = new float[_static.Length];
        _staticMaxUpperX = new float[_static.Length];
        float max = float.NegativeInfinity;
        for (int i = 0; i < _static.Length; ++i)
        {
            _staticLowerX[i] = _static[i].FatAabb.Lower.X;
            if (_static[i].FatAabb.Upper.X > max) max = _static[i].FatAabb.Upper.X;
            _staticMaxUpperX[i] = max;
        }
        _staticDirty = false;
    }

    /// <summary><c>b2Fixture::Synchronize</c> + <c>MoveProxy</c>: the swept AABB from xf1 to the body's transform.</summary>
    public void Synchronize(Body body, in Transform xf1)
    {
        Aabb aabb1 = body.ComputeAabb(xf1);
        Aabb aabb2 = body.ComputeAabb(body.Xf);
        Aabb aabb = Aabb.Combine(aabb1, aabb2);
        Vec2 displacement = body.Xf.P - xf1.P;
        if (body.FatAabb.Contains(aabb)) return;
        var r = new Vec2(Settings.AabbExtension, Settings.AabbExtension);
        Aabb b;
        b.Lower = aabb.Lower - r;
        b.Upper = aabb.Upper + r;
        // Predict the AABB displacement.
        Vec2 d = Settings.AabbMultiplier * displacement;
        if (d.X < 0f) b.Lower.X += d.X; else b.Upper.X += d.X;
        if (d.Y < 0f) b.Lower.Y += d.Y; else b.Upper.Y += d.Y;
        body.FatAabb = b;
        BufferMove(body.Id);
    }

    /// <summary><c>TestOverlap</c> of two proxies' fat AABBs.</summary>
    public static bool TestOverlap(Body a, Body b) => Aabb.Overlap(a.FatAabb, b.FatAabb);

    /// <summary>
    /// <c>UpdatePairs</c>: every (lower id, higher id) pair of overlapping fat AABBs that involves a moved
    /// proxy, sorted and without duplicates, handed to <paramref name="addPair"/> in that order. Pairs of
    /// two static bodies are left out here; <c>AddPair</c> would reject them without any other effect.
    /// </summary>
    public void UpdatePairs(ContactManager addPair)
    {
        _pairCount = 0;
        for (int i = 0; i < _moveCount; ++i)
        {
            Body query = _proxies[_moveBuffer[i]];
            // Static-static pairs are never contacts, so a static query looks at the dynamic proxies only.
            if (query.Type != BodyType.Static)
                foreach (Body other in StaticWindow(query.FatAabb.Lower.X, query.FatAabb.Upper.X))
                    AddIfOverlapping(query, other);
            foreach (Body other in _dynamic)
                if (other != query) AddIfOverlapping(query, other); // a proxy cannot pair with itself
        }
        _moveCount = 0;
        Array.Sort(_pairs, 0, _pairCount);
        int k = 0;
        while (k < _pairCount)
        {
            long primary = _pairs[k];
            addPair.AddPair(_proxies[(int)(primary >> 32)], _proxies[(int)(primary & 0xFFFFFFFF)]);
            ++k;
            while (k < _pairCount && _pairs[k] == primary) ++k; // skip duplicates
        }
    }

    private void AddIfOverlapping(Body query, Body other)
    {
        if (!Aabb.Overlap(query.FatAabb, other.FatAabb)) return;
        int lo = query.Id < other.Id ? query.Id : other.Id;
        int hi = query.Id < other.Id ? other.Id : query.Id;
        AddToBuffer(((long)lo << 32) | (uint)hi);
    }

    private void BufferMove(int proxyId)
    {
        if (_moveCount == _moveBuffer.Length) Array.Resize(ref _moveBuffer, _moveBuffer.Length * 2);
        _moveBuffer[_moveCount++] = proxyId;
    }

    private void AddToBuffer(long pair)
    {
        if (_pairCount == _pairs.Length) Array.Resize(ref _pairs, _pairs.Length * 2);
        _pairs[_pairCount++] = pair;
    }
}
