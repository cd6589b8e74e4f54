using System.Security.Cryptography;
using System.Text;
using Wann.Kernels.Tasks.Biped;

namespace Wann.Kernels.Tests.Biped;

/// <summary>
/// numpy's legacy <c>RandomState</c> (MT19937 seeded by <c>init_by_array</c>) as gym's <c>seeding.np_random</c>
/// creates it, with <c>uniform</c> and <c>randint</c>: the source the recorded terrains were drawn from.
/// Written from the MT19937 reference algorithm and numpy's documented sampling rules.
/// </summary>
public sealed class NumpyRandomState : IBipedRandom
{
    private const int N = 624;
    private readonly uint[] _mt = new uint[N];
    private int _index = N;

    /// <summary>Seeds with a key as <c>init_by_array</c> does.</summary>
    public NumpyRandomState(uint[] key)
    {
        _mt[0] = 19650218u;
        for (int k = 1; k < N; ++k) _mt[k] = 1812433253u * (_mt[k - 1] ^ (_mt[k - 1] >> 30)) + (uint)k;
        int i = 1, j = 0;
        for (int n = Math.Max(N, key.Length); n > 0; --n)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            ++i; ++j;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int n = N - 1; n > 0; --n)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            ++i;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
    }

    /// <summary>gym's <c>seeding.np_random(seed)</c> key: SHA-512 of the decimal seed, first 8 bytes little-endian, split into 32-bit words.</summary>
    public static uint[] GymSeedKey(int seed)
    {
        byte[] hash = SHA512.HashData(Encoding.UTF8.GetBytes(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        ulong h = BitConverter.ToUInt64(hash, 0);
        var key = new List<uint>();
        while (h > 0) { key.Add((uint)h); h >>= 32; }
        return key.Count == 0 ? [0u] : key.ToArray();
    }

    /// <summary>The next 32-bit output.</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            for (int k = 0; k < N; ++k)
            {
                uint y = (_mt[k] & 0x80000000u) | (_mt[(k + 1) % N] & 0x7fffffffu);
                _mt[k] = _mt[(k + 397) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
            }
            _index = 0;
        }
        uint r = _mt[_index++];
        r ^= r >> 11;
        r ^= (r << 7) & 0x9d2c5680u;
        r ^= (r << 15) & 0xefc60000u;
        r ^= r >> 18;
        return r;
    }

    /// <inheritdoc/>
    public double Uniform(double low, double high)
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        double sample = (a * 67108864.0 + b) / 9007199254740992.0;
        return low + (high - low) * sample;
    }

    /// <inheritdoc/>
    public int Integer(int low, int high)
    {
        uint range = (uint)(high - low - 1);
        if (range == 0) return low;
        uint mask = range;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
        for (;;)
        {
            uint v = NextUInt32() & mask;
            if (v <= range) return low + (int)v;
        }
    }
}
