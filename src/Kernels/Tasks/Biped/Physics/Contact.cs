namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Contact</c> as <c>b2EdgeAndPolygonContact</c> or <c>b2PolygonContact</c>: fixture B is always a
/// polygon, fixture A an edge or a polygon (edge-polygon is registered with the edge first, so
/// <c>b2Contact::Create</c> swaps a polygon-edge pair). Lives in the world's pool; the world list links are
/// pool indices, the body list links are contact edge ids (2 x index, +1 for the B side), -1 for none.
/// </summary>
public sealed class Contact
{
    /// <summary>Pool index.</summary>
    public int Index { get; }
    /// <summary>The edge or polygon body (A) and the polygon body (B).</summary>
    public Body A = null!, B = null!;
    /// <summary>The current manifold.</summary>
    public readonly Manifold Manifold = new();
    /// <summary>Mixed friction <c>sqrt(fA fB)</c> and restitution <c>max(rA, rB)</c>.</summary>
    public float Friction, Restitution;
    /// <summary>Cached time of impact and the number of TOI sub-steps taken on this contact this step.</summary>
    public float Toi;
    /// <summary>TOI sub-steps this step.</summary>
    public int ToiCount;
    /// <summary><c>e_enabledFlag</c>, <c>e_touchingFlag</c>, <c>e_islandFlag</c>, <c>e_toiFlag</c>, <c>e_filterFlag</c>.</summary>
    public bool Enabled, Touching, IslandFlag, ToiFlag, FilterFlag;
    /// <summary>World contact list links.</summary>
    public int Prev = -1, Next = -1;
    /// <summary>Links of <c>m_nodeA</c> in body A's contact list (contact edge ids).</summary>
    public int PrevA = -1, NextA = -1;
    /// <summary>Links of <c>m_nodeB</c> in body B's contact list (contact edge ids).</summary>
    public int PrevB = -1, NextB = -1;

    /// <summary>An unused pool slot.</summary>
    public Contact(int index) { Index = index; }

    /// <summary>The <c>b2Contact</c> constructor on a pooled slot.</summary>
    public void Initialize(Body bodyA, Body polygonBody)
    {
        A = bodyA;
        B = polygonBody;
        Enabled = true;
        Touching = IslandFlag = ToiFlag = FilterFlag = false;
        Manifold.PointCount = 0;
        Prev = Next = PrevA = NextA = PrevB = NextB = -1;
        ToiCount = 0;
        Toi = 0f;
        Friction = MathF.Sqrt(bodyA.Friction * polygonBody.Friction);
        Restitution = bodyA.Restitution > polygonBody.Restitution ? bodyA.Restitution : polygonBody.Restitution;
    }

    /// <summary>
    /// <c>b2Contact::Update</c>: recomputes the manifold, carries impulses over by feature id, sets touching,
    /// and reports begin and end of touching to the listener.
    /// </summary>
    public void Update(IContactListener? listener, EdgePolygonCollider collider, Manifold scratch)
    {
        scratch.CopyFrom(Manifold);
        Enabled = true;
        bool wasTouching = Touching;
        if (A.Polygon is null) collider.Collide(Manifold, A.Edge, A.Xf, B.Polygon!, B.Xf);
        else PolygonCollider.Collide(Manifold, A.Polygon, A.Xf, B.Polygon!, B.Xf);
        bool touching = Manifold.PointCount > 0;
        // Match old contact ids to new ones and copy the stored impulses to warm start the solver.
        for (int i = 0; i < Manifold.PointCount; ++i)
        {
            ref ManifoldPoint mp2 = ref Manifold.Points[i];
            mp2.NormalImpulse = 0f;
            mp2.TangentImpulse = 0f;
            for (int j = 0; j < scratch.PointCount; ++j)
            {
                ref ManifoldPoint mp1 = ref scratch.Points[j];
                if (mp1.Id == mp2.Id)
                {
                    mp2.NormalImpulse = mp1.NormalImpulse;
                    mp2.TangentImpulse = mp1.TangentImpulse;
                    break;
                }
            }
        }
        if (touching != wasTouching)
        {
            A.SetAwake(true);
            B.SetAwake(true);
        }
        Touching = touching;
        if (!wasTouching && touching) listener?.BeginContact(this);
        if (wasTouching && !touching) listener?.EndContact(this);
    }
}
