using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wann.Engine.Activations;
using Wann.Engine.Programs;

namespace Wann.Kernels.Cpu;

/// <summary>
/// One forward pass of a compiled program over lane vectors laid out [slot x blocks + block], bias and
/// inputs already in place. Same operations in the same order as the reference interpreter
/// (sum += scale * value, then the activation of weight * sum), so results are bit-identical to it.
/// </summary>
/// <remarks>
/// Lane vectors are taken in groups of up to eight whose sums stay in registers while a node's edges are
/// added: a sum kept in memory costs a load and a store per edge and vector. The cheap activations are
/// applied to the registers too, before the one store; the transcendental ones, whose arithmetic
/// outweighs a store and a reload, go through their own <see cref="Activation.ApplyScaledInPlace{T, TFormula}"/>
/// so this method stays small enough for the JIT to keep inlining the vector operators. Each group width
/// has its own instantiation, so the JIT unrolls it. Most steps of a rollout run one lone vector (an
/// episode tail), where fixed costs per node and edge dominate: that case addresses slots without a
/// multiply, and shared-weight programs add edges without testing their scales.
/// </remarks>
public static class ForwardPass
{
    public static void Run(ProgramBatch batch, int firstInstruction, int instructionEnd, int blocks, Span<VectorLane> values, ReadOnlySpan<VectorLane> weight)
    {
        if (values.Length < (1 + batch.InputCount + instructionEnd - firstInstruction) * blocks || weight.Length < blocks)
            throw new ArgumentException("the value and weight spans are too short for this program");
        if (batch.EdgeScalesAllOne) RunGroups<UnitScales>(batch, firstInstruction, instructionEnd, blocks, values, weight);
        else RunGroups<StoredScales>(batch, firstInstruction, instructionEnd, blocks, values, weight);
    }

    private static void RunGroups<TScales>(ProgramBatch batch, int firstInstruction, int instructionEnd, int blocks, Span<VectorLane> values, ReadOnlySpan<VectorLane> weight)
        where TScales : struct, IEdgeScales
    {
        // A lone vector (an episode's tail) has its own loop, which addresses slots without multiplying.
        if (blocks == 1)
        {
            Group<Lone, TScales>(batch, firstInstruction, instructionEnd, blocks, 0, values, weight);
            return;
        }
        int first = 0;
        while (first < blocks)
        {
            int left = blocks - first;
            int width = left >= 8 ? 8 : left >= 4 ? 4 : left;
            switch (width)
            {
                case 8: Group<Eight, TScales>(batch, firstInstruction, instructionEnd, blocks, first, values, weight); break;
                case 4: Group<Four, TScales>(batch, firstInstruction, instructionEnd, blocks, first, values, weight); break;
                case 3: Group<Three, TScales>(batch, firstInstruction, instructionEnd, blocks, first, values, weight); break;
                case 2: Group<Two, TScales>(batch, firstInstruction, instructionEnd, blocks, first, values, weight); break;
                default: Group<One, TScales>(batch, firstInstruction, instructionEnd, blocks, first, values, weight); break;
            }
            first += width;
        }
    }

    /// <summary>All instructions for lane vectors [first, first + TWidth.Count).</summary>
    private static void Group<TWidth, TScales>(ProgramBatch batch, int firstInstruction, int instructionEnd, int blocks, int first, Span<VectorLane> values, ReadOnlySpan<VectorLane> weight)
        where TWidth : struct, IGroupWidth where TScales : struct, IEdgeScales
    {
        int width = TWidth.Count;
        int stride = TWidth.IsLone ? 1 : blocks;
        // Compiled programs only point at earlier slots of the same program and at their own edges
        // (the compiler and its tests guarantee it), and Run checked the spans: the reads below stay in range.
        ref int firstEdge = ref MemoryMarshal.GetArrayDataReference(batch.FirstEdge);
        ref int edgeCount = ref MemoryMarshal.GetArrayDataReference(batch.EdgeCount);
        ref int edgeSource = ref MemoryMarshal.GetArrayDataReference(batch.EdgeSource);
        ref float edgeScale = ref MemoryMarshal.GetArrayDataReference(batch.EdgeScale);
        ref int activation = ref MemoryMarshal.GetArrayDataReference(batch.Activation);
        ref VectorLane groupBase = ref Unsafe.Add(ref MemoryMarshal.GetReference(values), first);
        var groupWeight = weight.Slice(first, width);
        ref VectorLane w = ref MemoryMarshal.GetReference(groupWeight);
        int slot = 1 + batch.InputCount;
        for (int i = firstInstruction; i < instructionEnd; i++, slot++)
        {
            var s = new Sums();
            int start = Unsafe.Add(ref firstEdge, i), end = start + Unsafe.Add(ref edgeCount, i);
            for (int e = start; e < end; e++)
            {
                ref VectorLane source = ref Unsafe.Add(ref groupBase, Unsafe.Add(ref edgeSource, e) * stride);
                if (TScales.AllOne)
                {
                    s.Add<TWidth>(ref source);
                    continue;
                }
                float scale = Unsafe.Add(ref edgeScale, e);
                if (scale == 1f) s.Add<TWidth>(ref source); // 1 * value is exact, so the multiply is skipped
                else s.AddScaled<TWidth>(ref source, VectorLane.From(scale));
            }
            ref VectorLane destination = ref Unsafe.Add(ref groupBase, slot * stride);
            // The transcendental formulas are applied in memory, each by its own loop (see the remarks).
            // The one switch on ids outside Activation.Dispatch: through Dispatch and a visitor the JIT stops
            // inlining the per-formula stores (its budget follows this method's own IL size), a call per node
            // that cost 11 % of rollout throughput when measured. ActivationTableTests runs every id through here.
            var stored = MemoryMarshal.CreateSpan(ref destination, width);
            switch (Unsafe.Add(ref activation, i))
            {
                case 1: s.Store<TWidth, LinearFormula>(ref destination, ref w); break;
                case 2: s.Store<TWidth, StepFormula>(ref destination, ref w); break;
                case 3: s.StoreSums<TWidth>(ref destination); Activation.ApplyScaledInPlace<VectorLane, SineFormula>(stored, groupWeight); break;
                case 4: s.StoreSums<TWidth>(ref destination); Activation.ApplyScaledInPlace<VectorLane, GaussianFormula>(stored, groupWeight); break;
                case 5: s.StoreSums<TWidth>(ref destination); Activation.ApplyScaledInPlace<VectorLane, TanhFormula>(stored, groupWeight); break;
                case 6: s.StoreSums<TWidth>(ref destination); Activation.ApplyScaledInPlace<VectorLane, SigmoidFormula>(stored, groupWeight); break;
                case 7: s.Store<TWidth, InverseFormula>(ref destination, ref w); break;
                case 8: s.Store<TWidth, AbsoluteFormula>(ref destination, ref w); break;
                case 9: s.Store<TWidth, ReluFormula>(ref destination, ref w); break;
                case 10: s.StoreSums<TWidth>(ref destination); Activation.ApplyScaledInPlace<VectorLane, CosineFormula>(stored, groupWeight); break;
                case 11: s.Store<TWidth, SquaredFormula>(ref destination, ref w); break;
                default: stored.Fill(VectorLane.From(float.NaN)); break;
            }
        }
    }

    /// <summary>A group's node sums, meant to live in registers (the JIT promotes the fields of a local struct).</summary>
    private struct Sums
    {
        private VectorLane _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add<TWidth>(ref VectorLane source) where TWidth : struct, IGroupWidth
        {
            int width = TWidth.Count;
            _s0 += source;
            if (width > 1) _s1 += Unsafe.Add(ref source, 1);
            if (width > 2) _s2 += Unsafe.Add(ref source, 2);
            if (width > 3) _s3 += Unsafe.Add(ref source, 3);
            if (width > 4) _s4 += Unsafe.Add(ref source, 4);
            if (width > 5) _s5 += Unsafe.Add(ref source, 5);
            if (width > 6) _s6 += Unsafe.Add(ref source, 6);
            if (width > 7) _s7 += Unsafe.Add(ref source, 7);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddScaled<TWidth>(ref VectorLane source, VectorLane scale) where TWidth : struct, IGroupWidth
        {
            int width = TWidth.Count;
            _s0 += scale * source;
            if (width > 1) _s1 += scale * Unsafe.Add(ref source, 1);
            if (width > 2) _s2 += scale * Unsafe.Add(ref source, 2);
            if (width > 3) _s3 += scale * Unsafe.Add(ref source, 3);
            if (width > 4) _s4 += scale * Unsafe.Add(ref source, 4);
            if (width > 5) _s5 += scale * Unsafe.Add(ref source, 5);
            if (width > 6) _s6 += scale * Unsafe.Add(ref source, 6);
            if (width > 7) _s7 += scale * Unsafe.Add(ref source, 7);
        }

        /// <summary>destination[k] = f(weight[k] * sum[k]).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Store<TWidth, TFormula>(ref VectorLane destination, ref VectorLane weight)
            where TWidth : struct, IGroupWidth where TFormula : struct, IActivationFormula
        {
            int width = TWidth.Count;
            destination = TFormula.Apply(weight * _s0);
            if (width > 1) Unsafe.Add(ref destination, 1) = TFormula.Apply(Unsafe.Add(ref weight, 1) * _s1);
            if (width > 2) Unsafe.Add(ref destination, 2) = TFormula.Apply(Unsafe.Add(ref weight, 2) * _s2);
            if (width > 3) Unsafe.Add(ref destination, 3) = TFormula.Apply(Unsafe.Add(ref weight, 3) * _s3);
            if (width > 4) Unsafe.Add(ref destination, 4) = TFormula.Apply(Unsafe.Add(ref weight, 4) * _s4);
            if (width > 5) Unsafe.Add(ref destination, 5) = TFormula.Apply(Unsafe.Add(ref weight, 5) * _s5);
            if (width > 6) Unsafe.Add(ref destination, 6) = TFormula.Apply(Unsafe.Add(ref weight, 6) * _s6);
            if (width > 7) Unsafe.Add(ref destination, 7) = TFormula.Apply(Unsafe.Add(ref weight, 7) * _s7);
        }

        /// <summary>destination[k] = sum[k], for an activation applied afterwards in memory.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void StoreSums<TWidth>(ref VectorLane destination) where TWidth : struct, IGroupWidth
        {
            int width = TWidth.Count;
            destination = _s0;
            if (width > 1) Unsafe.Add(ref destination, 1) = _s1;
            if (width > 2) Unsafe.Add(ref destination, 2) = _s2;
            if (width > 3) Unsafe.Add(ref destination, 3) = _s3;
            if (width > 4) Unsafe.Add(ref destination, 4) = _s4;
            if (width > 5) Unsafe.Add(ref destination, 5) = _s5;
            if (width > 6) Unsafe.Add(ref destination, 6) = _s6;
            if (width > 7) Unsafe.Add(ref destination, 7) = _s7;
        }
    }

    /// <summary>
    /// How many lane vectors a group holds, as a type so each size gets its own compiled loop; a lone
    /// vector is the whole run, so its slots are one vector apart.
    /// </summary>
    private interface IGroupWidth
    {
        static abstract int Count { get; }
        static virtual bool IsLone => false;
    }
    private readonly struct Lone : IGroupWidth { public static int Count => 1; public static bool IsLone => true; }
    private readonly struct One : IGroupWidth { public static int Count => 1; }
    private readonly struct Two : IGroupWidth { public static int Count => 2; }
    private readonly struct Three : IGroupWidth { public static int Count => 3; }
    private readonly struct Four : IGroupWidth { public static int Count => 4; }
    private readonly struct Eight : IGroupWidth { public static int Count => 8; }

    /// <summary>Whether edges carry scales to apply, as a type so shared-weight programs get a loop without the test.</summary>
    private interface IEdgeScales { static abstract bool AllOne { get; } }
    private readonly struct UnitScales : IEdgeScales { public static bool AllOne => true; }
    private readonly struct StoredScales : IEdgeScales { public static bool AllOne => false; }
}
