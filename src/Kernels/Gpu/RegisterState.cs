using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Gpu;

/// <summary>
/// A small task state kept in registers: up to <see cref="Capacity"/> slots as fields. Tasks index slots
/// with constants, so after inlining every access is a plain register (the PTX tests check no local memory).
/// </summary>
public struct RegisterState : IDeviceLaneState
{
    public const int Capacity = 8;

    private float _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7;

    public void Clear(int count) => this = default;

    public FloatLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => new(slot switch { 0 => _s0, 1 => _s1, 2 => _s2, 3 => _s3, 4 => _s4, 5 => _s5, 6 => _s6, _ => _s7 });
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            switch (slot)
            {
                case 0: _s0 = value.Value; break;
                case 1: _s1 = value.Value; break;
                case 2: _s2 = value.Value; break;
                case 3: _s3 = value.Value; break;
                case 4: _s4 = value.Value; break;
                case 5: _s5 = value.Value; break;
                case 6: _s6 = value.Value; break;
                default: _s7 = value.Value; break;
            }
        }
    }

    public readonly FloatLane Gather(FloatLane slot) => this[(int)slot.Value];

    public void Scatter(FloatLane slot, FloatLane value, FloatLane mask)
    {
        if (FloatLane.Any(mask)) this[(int)slot.Value] = value;
    }
}
