using SkiaSharp;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Host.Output.Drawing;

/// <summary>The same drawing as <see cref="SvgNetworkWriter"/>, rasterised with SkiaSharp (2x scale for sharp text).</summary>
public static class PngNetworkWriter
{
    private const double LegendWidth = 150;
    private const float Scale = 2f;

    public static byte[] Write(NetworkLayout layout, string title)
    {
        var legend = layout.LegendEntries();
        int width = (int)Math.Ceiling((layout.Width + LegendWidth) * Scale);
        int height = (int)Math.Ceiling(Math.Max(layout.Height, 70 + legend.Count * 22) * Scale);
        using var typeface = SKTypeface.FromFile(FontFiles.Sans());
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Scale(Scale);
        canvas.Clear(SKColors.White);

        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var ink = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        using var small = new SKFont(typeface, 10);
        using var normal = new SKFont(typeface, 12);
        using var bold = new SKFont(SKTypeface.FromFile(FontFiles.Sans()), 14) { Embolden = true };

        canvas.DrawText(title, 12, 22, SKTextAlign.Left, bold, ink);
        foreach (var e in layout.Edges)
        {
            stroke.Color = SKColor.Parse(e.Weight < 0 ? "#c0392b" : "#555555").WithAlpha(140);
            stroke.StrokeWidth = (float)layout.StrokeWidth(e);
            canvas.DrawLine((float)e.From.X, (float)e.From.Y, (float)e.To.X, (float)e.To.Y, stroke);
        }
        stroke.Color = SKColor.Parse("#222222");
        stroke.StrokeWidth = 1.2f;
        foreach (var n in layout.Nodes)
        {
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
        canvas.DrawText("activation", lx, 50, SKTextAlign.Left, normal, ink);
        for (int i = 0; i < legend.Count; i++)
        {
            float y = 70 + i * 22;
            fill.Color = SKColor.Parse(ActivationStyle.Colour(legend[i]));
            var box = new SKRect(lx, y - 10, lx + 14, y + 4);
            canvas.DrawRect(box, fill);
            canvas.DrawRect(box, stroke);
            canvas.DrawText(Activation.Name(legend[i]), lx + 20, y + 2, SKTextAlign.Left, normal, ink);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
