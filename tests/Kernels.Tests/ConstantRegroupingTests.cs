using System.Reflection;
using System.Reflection.Emit;
using Wann.Engine.Lanes;
using Wann.Kernels.Gpu;

namespace Wann.Kernels.Tests;

/// <summary>
/// ILGPU's IR builder regroups float constants as it builds a kernel, at every optimisation level:
/// <c>(x + c1) + c2</c> becomes <c>x + (c1 + c2)</c>, <c>(x - c1) - c2</c> becomes <c>x - (c1 + c2)</c> and
/// <c>(x * c1) * c2</c> becomes <c>x * (c1 * c2)</c>. In float that rounds once where the CPU rounds twice, so
/// CUDA parts from the other backends (the biped's contact separation did, by an ulp, and chaos did the rest).
/// The PTX cannot show it (the regrouped constant is just another constant), so this reads the IL of the code
/// the kernels run and finds the chain where C# writes it: a float constant, an operation, a second float
/// constant, the same operation, directly or through a local.
/// </summary>
public sealed class ConstantRegroupingTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Namespaces whose code runs inside the kernels: the kernels, the tasks (the biped's lanes and the Box2D value types they use), the activations and the lane math.</summary>
    private static IEnumerable<Type> DeviceTypes() =>
        typeof(RolloutKernels).Assembly.GetTypes()
            .Concat(typeof(LaneMath).Assembly.GetTypes())
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("Wann.Kernels.Gpu") || ns.StartsWith("Wann.Kernels.Tasks") || ns == "Wann.Engine.Lanes" || ns == "Wann.Engine.Activations"))
            // The exact Box2D port's classes run on the host only (the device code cannot use classes).
            .Where(t => t.IsValueType || (t.IsAbstract && t.IsSealed));

    [Fact]
    public void DeviceCode_HasNoRegroupableFloatConstantChains()
    {
        var found = new List<string>();
        foreach (var type in DeviceTypes())
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Cast<MethodBase>().Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
                if (method.GetMethodBody()?.GetILAsByteArray() is { } il && Chain(il) is { } chain)
                    found.Add($"{type.FullName}.{method.Name}: {chain}");
        Assert.Empty(found);
    }

    [Fact]
    public void Detector_FindsAChainDirectlyAndThroughALocal()
    {
        Assert.NotNull(Chain(IlOf(nameof(TwoRadiiSubtracted))));
        Assert.NotNull(Chain(IlOf(nameof(ScaledTwiceThroughALocal))));
        Assert.Null(Chain(IlOf(nameof(RadiiFromVariables))));
        Assert.Null(Chain(IlOf(nameof(MixedOperations))));
    }

    private const float Radius = 0.01f;
    private static float TwoRadiiSubtracted(float d) => d - Radius - Radius;
    private static float ScaledTwiceThroughALocal(float x)
    {
        float scaled = x * 0.3f;
        return scaled * 7f;
    }
    private static float RadiiFromVariables(float d, float r) => d - r - r;
    private static float MixedOperations(float x) => (x + 0.5f) * 3f - 1f;

    private static byte[] IlOf(string name) =>
        typeof(ConstantRegroupingTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetMethodBody()!.GetILAsByteArray()!;

    /// <summary>The first <c>c1 op c2 op</c> chain in <paramref name="il"/>, described; null when there is none.</summary>
    private static string? Chain(byte[] il)
    {
        // What the last instructions left: a float constant, or an add/sub/mul whose right operand was one.
        float? constant = null;
        (OpCode Op, float Right)? lastOp = null;
        var locals = new Dictionary<int, (OpCode Op, float Right)>();
        int i = 0;
        while (i < il.Length)
        {
            OpCode op = Read(il, ref i, out long operand);
            if (op == OpCodes.Ldc_R4)
            {
                float value = BitConverter.Int32BitsToSingle((int)operand);
                constant = value;
                continue;
            }
            if (op == OpCodes.Add || op == OpCodes.Sub || op == OpCodes.Mul)
            {
                if (constant is { } right && lastOp is { } inner && inner.Op == op)
                    return $"(x {Symbol(op)} {inner.Right:R}) {Symbol(op)} {right:R}";
                lastOp = constant is { } c ? (op, c) : null;
                constant = null;
                continue;
            }
            if (StoreIndex(op, operand) is { } store)
            {
                if (lastOp is { } value) locals[store] = value; else locals.Remove(store);
                lastOp = null;
                constant = null;
                continue;
            }
            if (LoadIndex(op, operand) is { } load)
            {
                lastOp = locals.TryGetValue(load, out var value) ? value : null;
                constant = null;
                continue;
            }
            // ILGPU drops a float's conversion to float, so it does not break a chain.
            if (op == OpCodes.Nop || op == OpCodes.Conv_R4) continue;
            lastOp = null;
            constant = null;
        }
        return null;
    }

    private static string Symbol(OpCode op) => op == OpCodes.Add ? "+" : op == OpCodes.Sub ? "-" : "*";

    private static int? StoreIndex(OpCode op, long operand) =>
        op == OpCodes.Stloc_0 ? 0 : op == OpCodes.Stloc_1 ? 1 : op == OpCodes.Stloc_2 ? 2 : op == OpCodes.Stloc_3 ? 3
        : op == OpCodes.Stloc_S || op == OpCodes.Stloc ? (int)operand : null;

    private static int? LoadIndex(OpCode op, long operand) =>
        op == OpCodes.Ldloc_0 ? 0 : op == OpCodes.Ldloc_1 ? 1 : op == OpCodes.Ldloc_2 ? 2 : op == OpCodes.Ldloc_3 ? 3
        : op == OpCodes.Ldloc_S || op == OpCodes.Ldloc ? (int)operand : null;

    private static OpCode Read(byte[] il, ref int i, out long operand)
    {
        short value = il[i++];
        if (value == 0xFE) value = (short)(0xFE00 | il[i++]);
        OpCode op = OpCodesByValue[value];
        int size = op.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
            _ => 4,
        };
        operand = size switch
        {
            1 => il[i],
            2 => BitConverter.ToUInt16(il, i),
            4 => BitConverter.ToInt32(il, i),
            8 => BitConverter.ToInt64(il, i),
            _ => 0,
        };
        i += size;
        return op;
    }
}
