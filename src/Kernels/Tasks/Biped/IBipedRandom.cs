namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// The random draws the walker's terrain generator makes, in the order it makes them. gym draws from
/// numpy's <c>RandomState</c>; the engine plugs in its own counter-based generator for training.
/// </summary>
public interface IBipedRandom
{
    /// <summary>A double uniform in [low, high) (numpy: <c>low + (high - low) * random_sample()</c>).</summary>
    double Uniform(double low, double high);

    /// <summary>An integer uniform in [low, high) (numpy's <c>randint</c>).</summary>
    int Integer(int low, int high);
}
