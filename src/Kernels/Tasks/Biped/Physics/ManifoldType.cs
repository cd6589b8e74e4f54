namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2Manifold::Type</c>: which shape's face the manifold's normal belongs to.</summary>
public enum ManifoldType
{
    /// <summary>Circle contact (not produced by the edge-polygon collider).</summary>
    Circles,
    /// <summary>The normal and reference point belong to shape A.</summary>
    FaceA,
    /// <summary>The normal and reference point belong to shape B.</summary>
    FaceB,
}
