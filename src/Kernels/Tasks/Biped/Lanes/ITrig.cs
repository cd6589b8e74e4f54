namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// The sine and cosine the lane-generic walker (<see cref="LaneWorld{T, TState, TEpisode, TTrig}"/>) builds its
/// rotations from. Box2D calls them constantly and the recordings used glibc's <c>sinf</c>/<c>cosf</c>, which no
/// device has; so the exact replay and the registered task differ here and only here.
/// </summary>
public interface ITrig
{
    /// <summary>sin(<paramref name="x"/>).</summary>
    float Sin(float x);

    /// <summary>cos(<paramref name="x"/>).</summary>
    float Cos(float x);

    /// <summary>The rotation by <paramref name="angle"/>: (sin, cos), each as <see cref="Sin"/> and <see cref="Cos"/> give them.</summary>
    Physics.Rot Rotation(float angle);
}
