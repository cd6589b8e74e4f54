namespace Wann.Kernels.Tasks.Scenes;

/// <summary>A point of a sketch, in pixels from the top left corner (y down).</summary>
public readonly record struct SketchPoint(float X, float Y);

/// <summary>One thing a <see cref="Sketch"/> draws; a painter (the host's, with SkiaSharp) turns each kind into pixels.</summary>
public abstract record SketchShape(Rgb Color);

/// <summary>A stroked line through <paramref name="Points"/> (two for a segment), round-capped where asked.</summary>
public sealed record SketchLine(IReadOnlyList<SketchPoint> Points, float Width, Rgb Color, bool Round = false) : SketchShape(Color);

/// <summary>A filled polygon, with an outline of one pixel where <paramref name="Outline"/> is given.</summary>
public sealed record SketchPolygon(IReadOnlyList<SketchPoint> Points, Rgb Color, Rgb? Outline = null) : SketchShape(Color);

/// <summary>A filled circle.</summary>
public sealed record SketchCircle(SketchPoint Center, float Radius, Rgb Color) : SketchShape(Color);

/// <summary>A line of small text, its baseline starting at <paramref name="At"/>.</summary>
public sealed record SketchText(SketchPoint At, string Text, Rgb Color) : SketchShape(Color);
