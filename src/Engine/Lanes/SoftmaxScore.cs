using System.Runtime.CompilerServices;

namespace Wann.Engine.Lanes;

/// <summary>One lane's (or one vector of lanes') row of class outputs, read wherever a backend keeps it.</summary>
public interface IClassRow<T> where T : struct, ILane<T>
{
    /// <summary>The output for class <paramref name="k"/>.</summary>
    T Output(int k);
}

/// <summary>
/// How a classification network is scored on one row, in float from lane operations only (the exponential and
/// logarithm of <see cref="LaneMath"/>), so every backend computes the same bits (docs/ARCHITECTURE.md, rule 8).
/// </summary>
public static class SoftmaxScore
{
    /// <summary>
    /// The softmax cross-entropy ln(sum_k e^(o_k - max)) - (o_label - max), NaN where an output is NaN or the largest is
    /// infinite, and 1 where the row's first largest output (NaN skipped) is the label's, else 0.
    /// </summary>
    /// <param name="label">The row's class, as a lane value (an integer below <paramref name="classes"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Of<T, TRow>(TRow row, int classes, T label, out T loss, out T correct)
        where T : struct, ILane<T> where TRow : struct, IClassRow<T>
    {
        // The largest output, skipping NaN, and the first class that has it.
        T max = row.Output(0);
        T predicted = T.From(0f);
        for (int k = 1; k < classes; k++)
        {
            T o = row.Output(k);
            T take = T.Or(T.Greater(o, max), T.AndNot(T.Equal(o, o), T.Equal(max, max)));
            max = T.Select(take, o, max);
            predicted = T.Select(take, T.From(k), predicted);
        }
        correct = T.Select(T.And(T.Equal(predicted, label), T.Equal(max, max)), T.From(1f), T.From(0f));

        // A NaN output, or an infinite largest one, makes some o_k - max NaN, and NaN runs through to the loss.
        T sum = T.From(0f);
        T labelShifted = T.From(0f);
        for (int k = 0; k < classes; k++)
        {
            T shifted = row.Output(k) - max;
            sum = sum + LaneMath.ExpOfNonPositive(shifted);
            labelShifted = T.Select(T.Equal(T.From(k), label), shifted, labelShifted);
        }
        loss = LaneMath.Log(sum) - labelShifted;
    }
}
