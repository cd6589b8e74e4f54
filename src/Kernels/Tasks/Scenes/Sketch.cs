namespace Wann.Kernels.Tasks.Scenes;

/// <summary>
/// A picture as a list of shapes in pixel coordinates (y down), so a task can say what it looks like without a
/// graphics library: the task's scene fills a sketch, and the host paints it (SkiaSharp, in <c>wann episode</c>'s GIFs).
/// </summary>
public sealed class Sketch(int width, int height)
{
    private readonly List<SketchShape> _shapes = new();

    public int Width { get; } = width;
    public int Height { get; } = height;

    /// <summary>The shapes in the order drawn (later ones on top).</summary>
    public IReadOnlyList<SketchShape> Shapes => _shapes;

    public void Line(float x1, float y1, float x2, float y2, Rgb color, float width, bool round = false) =>
        _shapes.Add(new SketchLine([new(x1, y1), new(x2, y2)], width, color, round));

    public void Polyline(IReadOnlyList<SketchPoint> points, Rgb color, float width) => _shapes.Add(new SketchLine(points, width, color));

    public void Polygon(IReadOnlyList<SketchPoint> points, Rgb color, Rgb? outline = null) => _shapes.Add(new SketchPolygon(points, color, outline));

    public void Rect(float x, float y, float width, float height, Rgb color) =>
        Polygon([new(x, y), new(x + width, y), new(x + width, y + height), new(x, y + height)], color);

    public void Circle(float x, float y, float radius, Rgb color) => _shapes.Add(new SketchCircle(new(x, y), radius, color));

    public void Text(float x, float y, string text, Rgb color) => _shapes.Add(new SketchText(new(x, y), text, color));
}
