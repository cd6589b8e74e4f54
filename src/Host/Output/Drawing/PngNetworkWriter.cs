using SkiaSharp;
using Wann.Engine.Genomes;

namespace Wann.Host.Output.Drawing;

/// <summary>The same drawing as <see cref="SvgNetworkWriter"/>, rasterised with SkiaSharp (2x scale for sharp text).</summary>
public static class PngNetworkWriter
{
    private const float Scale = 2f;

    public static byte[] Write(NetworkLayout layout, string title)
    {
        var legend = NetworkLegend.Rows(layout);
        int width = (int)Math.Ceiling((layout.Width + NetworkLegend.Width) * Scale);
        int height = (int)Math.Ceiling(Math.Max(layout.Height, NetworkLegend.Height(legend)) * Scale);
        var used = new HashSet<int>(layout.Edges.Select(e => e.From.Id));
        using var typeface = SKTypeface.FromFile(FontFiles.Sans());
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Scale(Scale);
        canvas.Clear(SKColors.White);

        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var ink = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        using var tiny = new SKFont(typeface, 8);
        using var small = new SKFont(typeface, 10);
        using var normal = new SKFont(typeface, 12);
        using var bold = new SKFont(SKTypeface.FromFile(FontFiles.Sans()), 14) { Embolden = true };

        canvas.DrawText(title, 12, 22, SKTextAlign.Left, bold, ink);
        if (layout.Grid is { } grid)
        {
            stroke.Color = SKColor.Parse("#bbbbbb");
            stroke.StrokeWidth = 0.5f;
            foreach (var n in layout.Nodes.Where(n => n.Kind == NodeKind.Input))
            {
                var cell = SKRect.Create((float)(n.X - grid.Cell / 2), (float)(n.Y - grid.Cell / 2), (float)grid.Cell, (float)grid.Cell);
                fill.Color = SKColor.Parse(NetworkLegend.PixelColour(used.Contains(n.Id)));
                canvas.DrawRect(cell, fill);
                canvas.DrawRect(cell, stroke);
            }
        }
        foreach (var e in layout.Edges)
        {
            stroke.Color = SKColor.Parse(NetworkLegend.EdgeColour(e)).WithAlpha(140);
            stroke.StrokeWidth = (float)layout.StrokeWidth(e);
            using var path = new SKPath();
            path.MoveTo((float)e.From.X, (float)e.From.Y);
            if (e.IsCurve)
                foreach (var (_, a, b, end) in e.Pieces()) path.CubicTo((float)a.X, (float)a.Y, (float)b.X, (float)b.Y, (float)end.X, (float)end.Y);
            else path.LineTo((float)e.To.X, (float)e.To.Y);
            canvas.DrawPath(path, stroke);
        }
        stroke.Color = SKColor.Parse("#222222");
        stroke.StrokeWidth = 1.2f;
        foreach (var n in layout.Nodes)
        {
            if (layout.Grid is not null && n.Kind == NodeKind.Input) continue;
            fill.Color = SKColor.Parse(n.Kind is NodeKind.Bias or NodeKind.Input ? "#ffffff" : ActivationStyle.Colour(n.Activation));
            canvas.DrawCircle((float)n.X, (float)n.Y, (float)NetworkLayout.Radius, fill);
            canvas.DrawCircle((float)n.X, (float)n.Y, (float)NetworkLayout.Radius, stroke);
            if (n.Kind is NodeKind.Hidden or NodeKind.Output && ActivationStyle.Glyph(n.Activation) is { Length: > 0 } glyph)
                canvas.DrawText(glyph, (float)n.X, (float)n.Y + 3.5f, SKTextAlign.Center, small, ink);
            if (n.Label is { } label)
            {
                bool left = n.Kind is NodeKind.Bias or NodeKind.Input;
                float x = (float)(left ? n.X - NetworkLayout.Radius - 6 : n.X + NetworkLayout.Radius + 6);
                canvas.DrawText(label, x, (float)n.Y + 4, left ? SKTextAlign.Right : SKTextAlign.Left, normal, ink);
            }
        }

        float lx = (float)layout.Width + 10;
        stroke.StrokeWidth = 1f;
        for (int i = 0; i < legend.Count; i++)
        {
            var row = legend[i];
            float y = (float)(NetworkLegend.Top + i * NetworkLegend.RowHeight);
            switch (row.Mark)
            {
                case LegendMark.Heading:
                    canvas.DrawText(row.Text, lx, y + 2, SKTextAlign.Left, bold, ink);
                    continue;
                case LegendMark.Activation:
                    fill.Color = SKColor.Parse(ActivationStyle.Colour(row.Activation));
                    stroke.Color = SKColor.Parse("#222222");
                    canvas.DrawCircle(lx + 9, y - 2, 9, fill);
                    canvas.DrawCircle(lx + 9, y - 2, 9, stroke);
                    canvas.DrawText(ActivationStyle.Glyph(row.Activation), lx + 9, y + 1, SKTextAlign.Center, tiny, ink);
                    break;
                case LegendMark.PositiveEdge or LegendMark.NegativeEdge:
                    stroke.Color = SKColor.Parse(row.Mark == LegendMark.NegativeEdge ? NetworkLegend.NegativeColour : NetworkLegend.PositiveColour);
                    stroke.StrokeWidth = 2;
                    canvas.DrawLine(lx, y - 2, lx + 18, y - 2, stroke);
                    stroke.StrokeWidth = 1;
                    break;
                case LegendMark.UsedPixel or LegendMark.UnusedPixel:
                    var box = SKRect.Create(lx + 2, y - 9, 14, 14);
                    fill.Color = SKColor.Parse(NetworkLegend.PixelColour(row.Mark == LegendMark.UsedPixel));
                    stroke.Color = SKColor.Parse("#bbbbbb");
                    canvas.DrawRect(box, fill);
                    canvas.DrawRect(box, stroke);
                    break;
            }
            canvas.DrawText(row.Text, lx + 24, y + 2, SKTextAlign.Left, normal, ink);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
