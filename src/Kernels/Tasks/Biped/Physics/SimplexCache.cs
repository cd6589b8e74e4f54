namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2SimplexCache</c>: the GJK simplex kept between calls (the TOI loop reuses it).</summary>
public struct SimplexCache
{
    /// <summary>Length or area of the simplex, to detect a changed configuration.</summary>
    public float Metric;
    /// <summary>Number of vertices (0 to 3).</summary>
    public int Count;
    /// <summary>Vertex indices on shape A.</summary>
    public int IndexA0, IndexA1, IndexA2;
    /// <summary>Vertex indices on shape B.</summary>
    public int IndexB0, IndexB1, IndexB2;

    /// <summary>Index on A of simplex vertex i.</summary>
    public readonly int IndexA(int i) => i == 0 ? IndexA0 : i == 1 ? IndexA1 : IndexA2;
    /// <summary>Index on B of simplex vertex i.</summary>
    public readonly int IndexB(int i) => i == 0 ? IndexB0 : i == 1 ? IndexB1 : IndexB2;

    /// <summary>Sets the indices of simplex vertex i.</summary>
    public void Set(int i, int indexA, int indexB)
    {
        if (i == 0) { IndexA0 = indexA; IndexB0 = indexB; }
        else if (i == 1) { IndexA1 = indexA; IndexB1 = indexB; }
        else { IndexA2 = indexA; IndexB2 = indexB; }
    }
}
