using SkiaSharp;
using Wann.Kernels.Tasks.Scenes;

namespace Wann.Host.Output.Animation;

/// <summary>Paints a task's <see cref="Sketch"/> onto a SkiaSharp canvas, shape by shape, anti-aliased.</summary>
public sealed class SketchPainter(SKFont font)
{
    public void Paint(SKCanvas canvas, Sketch sketch)
    {
        foreach (var shape in sketch.Shapes)
        {
            using var paint = new SKPaint { IsAntialias = true, Color = Colour(shape.Color) };
            switch (shape)
            {
                case SketchLine line:
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = line.Width;
                    paint.StrokeCap = line.Round ? SKStrokeCap.Round : SKStrokeCap.Butt;
                    paint.StrokeJoin = SKStrokeJoin.Round;
                    using (var path = PathThrough(line.Points, close: false)) canvas.DrawPath(path, paint);
                    break;
                case SketchPolygon polygon:
                    using (var path = PathThrough(polygon.Points, close: true))
                    {
                        canvas.DrawPath(path, paint);
                        if (polygon.Outline is { } outline)
                        {
                            using var edge = new SKPaint { IsAntialias = true, Color = Colour(outline), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
                            canvas.DrawPath(path, edge);
                        }
                    }
                    break;
                case SketchCircle circle:
                    canvas.DrawCircle(circle.Center.X, circle.Center.Y, circle.Radius, paint);
                    break;
                case SketchText text:
                    canvas.DrawText(text.Text, text.At.X, text.At.Y, SKTextAlign.Left, font, paint);
                    break;
                default:
                    throw new ArgumentException($"no way to paint a {shape.GetType().Name}", nameof(sketch));
            }
        }
    }

    private static SKColor Colour(Rgb rgb) => new(rgb.R, rgb.G, rgb.B);

    private static SKPath PathThrough(IReadOnlyList<SketchPoint> points, bool close)
    {
        var path = new SKPath();
        if (points.Count == 0) return path;
        path.MoveTo(points[0].X, points[0].Y);
        for (int i = 1; i < points.Count; i++) path.LineTo(points[i].X, points[i].Y);
        if (close) path.Close();
        return path;
    }
}
