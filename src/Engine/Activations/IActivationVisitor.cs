namespace Wann.Engine.Activations;

/// <summary>
/// Code to run with the formula of an activation id, chosen by <see cref="Activation.Dispatch{TVisitor, TResult}"/>:
/// the one switch on ids, usable in device code (a struct visitor, resolved at compile time).
/// </summary>
public interface IActivationVisitor<TResult>
{
    TResult Visit<TFormula>() where TFormula : struct, IActivationFormula;

    /// <summary>What an id without a formula gives (device code cannot throw: the interpreters give NaN).</summary>
    TResult Unknown(int id);
}
