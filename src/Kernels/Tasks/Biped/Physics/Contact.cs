namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Contact</c> as <c>b2EdgeAndPolygonContact</c>: fixture A is always a terrain edge (edge-polygon
/// is the primary registration, so <c>b2Contact::Create</c> puts the edge first) and B a dynamic polygon.
/// Lives in the world's pool; the links are pool indices (-1 for none).
/// </summary>
public sealed class Contact
{
    /// <summary>Pool index.</summary>
    public int Index { get; }
    /// <summary>The edge body (A) and the polygon body (B).</summary>
    public Body A = null!, B = null!;
    /// <summary>The current manifold.</summary>
    public readonly Manifold Manifold = new();
    /// <summary>Mixed friction <c>sqrt(fA fB)</c> and restitution <c>max(rA, rB)</c>.</summary>
    public float Friction, Restitution;
    /// <summary>Cached time of impact and the number of TOI sub-steps taken on this contact this step.</summary>
    public float Toi;
    /// <summary>TOI sub-steps this step.</summary>
    public int ToiCount;
    /// <summary><c>e_enabledFlag</c>, <c>e_touchingFlag</c>, <c>e_islandFlag</c>, <c>e_toiFlag</c>.</summary>
    public bool Enabled, Touching, IslandFlag, ToiFlag;
    /// <summary>World contact list links.</summary>
    public int Prev = -1, Next = -1;
    /// <summary>Links in body B's contact list (<c>m_nodeB</c>).</summary>
    public int NodePrev = -1, NodeNext = -1;

    /// <summary>An unused pool slot.</summary>
    public Contact(int index) { Index = index; }

    /// <summary>The <c>b2Contact</c> constructor on a pooled slot.</summary>
    public void Initialize(Body edgeBody, Body polygonBody)
    {
        A = edgeBody;
        B = polygonBody;
        Enabled = true;
        Touching = IslandFlag = ToiFlag = false;
        Manifold.PointCount = 0;
        Prev = Next = NodePrev = NodeNext = -1;
        ToiCount = 0;
        Toi = 0f;
        Friction = MathF.Sqrt(edgeBody.Friction * polygonBody.Friction);
        Restitution = edgeBody.Restitution > polygonBody.Restitution ? edgeBody.Restitution : polygonBody.Restitution;
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
        collider.Collide(Manifold, A.Edge, A.Xf, B.Polygon!, B.Xf);
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
