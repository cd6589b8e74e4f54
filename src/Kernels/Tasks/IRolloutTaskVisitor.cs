namespace Wann.Kernels.Tasks;

/// <summary>Lets a backend run its generic code with the concrete task struct (no virtual calls in the hot loop).</summary>
public interface IRolloutTaskVisitor<out TResult>
{
    TResult Visit<TTask>(TTask task) where TTask : struct, IRolloutTask;
}
