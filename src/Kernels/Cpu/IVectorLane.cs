using Wann.Engine.Lanes;

namespace Wann.Kernels.Cpu;

/// <summary>A SIMD vector of lanes: <see cref="ILane{T}"/> plus loading and storing whole vectors.</summary>
public interface IVectorLane<T> : ILane<T> where T : struct, IVectorLane<T>
{
    static abstract int Count { get; }
    static abstract T Load(ReadOnlySpan<float> source);
    void Store(Span<float> destination);
    /// <summary>Number of non-zero lanes.</summary>
    int CountNonZero();
}
