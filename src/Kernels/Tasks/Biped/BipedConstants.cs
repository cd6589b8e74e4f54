namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// The constants of gym's BipedalWalker-v2 as the WANN release runs it (WANNRelease/WANN/domain/bipedal_walker.py):
/// lengths in metres (pixels / <see cref="Scale"/>), doubles as in Python.
/// </summary>
public static class BipedConstants
{
    /// <summary>Frames per second; a step is 1/FPS seconds.</summary>
    public const double Fps = 50;
    /// <summary>Pixels per metre.</summary>
    public const double Scale = 30.0;
    /// <summary>Motor torque at |action| = 1.</summary>
    public const double MotorsTorque = 80;
    /// <summary>Hip and knee motor speeds.</summary>
    public const double SpeedHip = 4, SpeedKnee = 6;
    /// <summary>Lidar length.</summary>
    public const double LidarRange = 160 / Scale;
    /// <summary>Bound of the initial horizontal push.</summary>
    public const double InitialRandom = 5;
    /// <summary>Hip anchor offset below the hull origin.</summary>
    public const double LegDown = -8 / Scale;
    /// <summary>Leg width and height.</summary>
    public const double LegW = 8 / Scale, LegH = 34 / Scale;
    /// <summary>Viewport size in pixels (observation scaling).</summary>
    public const double ViewportW = 600, ViewportH = 400;
    /// <summary>Horizontal distance between terrain points.</summary>
    public const double TerrainStep = 14 / Scale;
    /// <summary>Number of terrain points.</summary>
    public const int TerrainLength = 200;
    /// <summary>Resting terrain height.</summary>
    public const double TerrainHeight = ViewportH / Scale / 4;
    /// <summary>Grass segment length bound (the counter draws 5..9).</summary>
    public const int TerrainGrass = 10;
    /// <summary>Flat points at the start.</summary>
    public const int TerrainStartpad = 20;
    /// <summary>Terrain friction.</summary>
    public const float Friction = 2.5f;
    /// <summary>Episode length cap (the WANN release builds it into the env).</summary>
    public const int BipedLimit = 1600;
    /// <summary>Start position of the hull.</summary>
    public const double InitX = TerrainStep * TerrainStartpad / 2, InitY = TerrainHeight + 2 * LegH;
    /// <summary>The hull outline in pixels.</summary>
    public static readonly (double X, double Y)[] HullPoly = [(-30, 9), (6, 9), (34, 1), (34, -8), (-30, -8)];
    /// <summary>Episode ends when the hull passes this x.</summary>
    public const double FinishX = (TerrainLength - TerrainGrass) * TerrainStep;
    /// <summary>Number of observations and actions.</summary>
    public const int ObservationCount = 24, ActionCount = 4;
    /// <summary>Number of lidar rays.</summary>
    public const int LidarCount = 10;
    /// <summary>Velocity and position iterations per step (Box2D's usual 6 and 2, times 30).</summary>
    public const int VelocityIterations = 6 * 30, PositionIterations = 2 * 30;
}
