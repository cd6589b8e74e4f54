using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>Joint <c>j</c>'s state slots (the same joint in every lane): accumulated impulses, limit state and motor.</summary>
public struct JointSlots<T, TState>(TState state, int joint)
    where T : struct, ILane<T> where TState : struct, ILaneState<T>
{
    private TState _state = state;
    private readonly int _base = StateJoints + joint * StateJointStride;

    /// <summary>Accumulated point (x, y) and limit (z) impulse.</summary>
    public Vec3<T> Impulse
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => new(_state[_base + ImpulseX], _state[_base + ImpulseY], _state[_base + ImpulseZ]);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            _state[_base + ImpulseX] = value.X;
            _state[_base + ImpulseY] = value.Y;
            _state[_base + ImpulseZ] = value.Z;
        }
    }
    /// <summary>Accumulated motor impulse.</summary>
    public T MotorImpulse { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => _state[_base + BipedLayout.MotorImpulse]; [MethodImpl(MethodImplOptions.AggressiveInlining)] set => _state[_base + BipedLayout.MotorImpulse] = value; }
    /// <summary>b2LimitState: 0 inactive, 1 at lower, 2 at upper, 3 equal.</summary>
    public T Limit { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => _state[_base + JointLimit]; [MethodImpl(MethodImplOptions.AggressiveInlining)] set => _state[_base + JointLimit] = value; }
    /// <summary>The motor's target speed.</summary>
    public T MotorSpeed { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => _state[_base + BipedLayout.MotorSpeed]; [MethodImpl(MethodImplOptions.AggressiveInlining)] set => _state[_base + BipedLayout.MotorSpeed] = value; }
    /// <summary>The motor's torque limit.</summary>
    public T MaxMotorTorque { [MethodImpl(MethodImplOptions.AggressiveInlining)] readonly get => _state[_base + BipedLayout.MaxMotorTorque]; [MethodImpl(MethodImplOptions.AggressiveInlining)] set => _state[_base + BipedLayout.MaxMotorTorque] = value; }
}
