namespace Wann.Pins.Pins;

/// <summary>A group of pins kept in one file of tests/pins: what they are named and how each is computed.</summary>
public interface IPinSet
{
    /// <summary>The file under tests/pins holding this set (e.g. <c>functions.json</c>).</summary>
    string FileName { get; }

    /// <summary>What the set pins, in one sentence (written at the top of the file).</summary>
    string About { get; }

    /// <summary>The names of the pins, in file order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Computes the pin named <paramref name="name"/> from scratch.</summary>
    Pin Compute(string name);
}
