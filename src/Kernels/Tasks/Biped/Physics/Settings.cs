namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// The constants of Box2D's <c>Common/b2Settings.h</c> in the pybox2d 2.3.10 snapshot. The derived ones are
/// computed at run time in float, as the C++ constant expressions are evaluated.
/// </summary>
public static class Settings
{
    /// <summary><c>b2_epsilon</c> (FLT_EPSILON).</summary>
    public const float Epsilon = 1.1920929e-07f;
    /// <summary><c>b2_pi</c>.</summary>
    public const float Pi = 3.14159265359f;
    /// <summary><c>b2_maxFloat</c>.</summary>
    public const float MaxFloat = float.MaxValue;
    /// <summary><c>b2_maxManifoldPoints</c>.</summary>
    public const int MaxManifoldPoints = 2;
    /// <summary><c>b2_maxPolygonVertices</c>: pybox2d raised it to 16, which also bounds the TOI push-back loop.</summary>
    public const int MaxPolygonVertices = 16;
    /// <summary><c>b2_aabbExtension</c>: fat AABB margin.</summary>
    public const float AabbExtension = 0.1f;
    /// <summary><c>b2_aabbMultiplier</c>: displacement prediction factor.</summary>
    public const float AabbMultiplier = 2f;
    /// <summary><c>b2_linearSlop</c>.</summary>
    public const float LinearSlop = 0.005f;
    /// <summary><c>b2_angularSlop</c> = 2/180 pi.</summary>
    public static readonly float AngularSlop = Product(2f / 180f, Pi);
    /// <summary><c>b2_polygonRadius</c> = 2 linear slop.</summary>
    public const float PolygonRadius = 2f * LinearSlop;
    /// <summary><c>b2_maxSubSteps</c>.</summary>
    public const int MaxSubSteps = 8;
    /// <summary><c>b2_maxTOIContacts</c>.</summary>
    public const int MaxToiContacts = 32;
    /// <summary><c>b2_velocityThreshold</c>.</summary>
    public const float VelocityThreshold = 1f;
    /// <summary><c>b2_maxLinearCorrection</c>.</summary>
    public const float MaxLinearCorrection = 0.2f;
    /// <summary><c>b2_maxAngularCorrection</c> = 8/180 pi.</summary>
    public static readonly float MaxAngularCorrection = Product(8f / 180f, Pi);
    /// <summary><c>b2_maxTranslation</c>.</summary>
    public const float MaxTranslation = 2f;
    /// <summary><c>b2_maxTranslationSquared</c>.</summary>
    public const float MaxTranslationSquared = MaxTranslation * MaxTranslation;
    /// <summary><c>b2_maxRotation</c> = pi/2.</summary>
    public static readonly float MaxRotation = Product(0.5f, Pi);
    /// <summary><c>b2_maxRotationSquared</c>.</summary>
    public static readonly float MaxRotationSquared = Product(MaxRotation, MaxRotation);
    /// <summary><c>b2_baumgarte</c>.</summary>
    public const float Baumgarte = 0.2f;
    /// <summary><c>b2_toiBaugarte</c>.</summary>
    public const float ToiBaumgarte = 0.75f;
    /// <summary><c>b2_timeToSleep</c>.</summary>
    public const float TimeToSleep = 0.5f;
    /// <summary><c>b2_linearSleepTolerance</c>.</summary>
    public const float LinearSleepTolerance = 0.01f;
    /// <summary><c>b2_angularSleepTolerance</c> = 2/180 pi.</summary>
    public static readonly float AngularSleepTolerance = Product(2f / 180f, Pi);

    // A float product made at run time so that it rounds once to float, as the C++ constant does.
    private static float Product(float a, float b) => a * b;
}
