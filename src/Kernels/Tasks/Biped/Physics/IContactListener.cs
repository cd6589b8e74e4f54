namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>The part of Box2D's <c>b2ContactListener</c> the walker uses: touching begins and ends.</summary>
public interface IContactListener
{
    /// <summary>Two fixtures began to touch.</summary>
    void BeginContact(Contact contact);

    /// <summary>Two fixtures stopped touching (or their touching contact was destroyed).</summary>
    void EndContact(Contact contact);
}
