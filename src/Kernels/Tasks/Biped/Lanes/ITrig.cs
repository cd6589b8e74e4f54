using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// The sine and cosine the lane-generic walker (<see cref="LaneWorld{T, TState, TEpisode, TTrig}"/>) builds its
/// rotations from. Box2D calls them constantly and the recordings used glibc's <c>sinf</c>/<c>cosf</c>, which no
/// device has; so the exact replay and the registered task differ here and only here.
/// </summary>
public interface ITrig
{
    /// <summary>The rotation by <paramref name="angle"/>, per lane: (sin, cos).</summary>
    Rot<T> Rotation<T>(T angle) where T : struct, ILane<T>;
}
