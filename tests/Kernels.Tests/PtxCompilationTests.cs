using ILGPU.Backends.PTX;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime;
using ILGPU;
using System.Reflection;
using Wann.Kernels.Gpu;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>
/// Every kernel variant the GPU backend loads, compiled to PTX for an H100-class target with no GPU present.
/// The ILGPU CPU accelerator runs the same kernels but not the PTX code generator, which rejects things
/// the CPU path accepts (managed calls, unsupported intrinsics); this catches them on any machine, and
/// checks that the code the CUDA backend loads has no double precision, no local memory and nothing that
/// could make CUDA results differ from the CPU backends (fusable, fused or approximate float operations).
/// </summary>
public sealed class PtxCompilationTests(PtxCompilationTests.PtxCompiler compiler) : IClassFixture<PtxCompilationTests.PtxCompiler>
{
    /// <summary>
    /// An ILGPU context and H100-class PTX backend per task, shared by that task's kernel variants: a search
    /// loads its task's kernels into its backend's one context too, and a fresh context per kernel took three
    /// times as long (each compiled the device code all kernels share, the network interpreter and LaneMath, again).
    /// </summary>
    public sealed class PtxCompiler : IDisposable
    {
        private readonly Dictionary<string, (Context Context, PTXBackend Backend)> _byTask = new();

        /// <summary>The backend for <paramref name="task"/>'s kernels ("" for the forward kernels).</summary>
        public PTXBackend For(string task)
        {
            if (_byTask.TryGetValue(task, out var existing)) return existing.Backend;
            var context = GpuDevices.CreateContext();
            var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, nvvmAPI: null);
            _byTask[task] = (context, backend);
            return backend;
        }

        public void Dispose()
        {
            foreach (var (context, backend) in _byTask.Values)
            {
                backend.Dispose();
                context.Dispose();
            }
        }
    }

    public static TheoryData<string, string, bool> Kernels()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (bool unit in new[] { true, false })
        {
            foreach (var task in TaskRegistry.Simulated)
            {
                // The variants the GPU backend loads for this task, and the buffer-state ones for every task
                // (any task may be run with its state in a buffer; tests do).
                bool inRegisters = TaskRegistry.Simulator(task).StateSize <= RegisterState.Capacity;
                foreach (var schedule in Enum.GetValues<GpuSchedule>())
                foreach (bool shared in new[] { true, false })
                {
                    if (inRegisters) data.Add(RolloutKernels.EntryName(schedule, shared, bufferState: false), task.Name, unit);
                    data.Add(RolloutKernels.EntryName(schedule, shared, bufferState: true), task.Name, unit);
                }
            }
            // Forward kernels have no task; "" runs one input vector a thread, "4" four.
            foreach (string columns in new[] { "", "4" })
            {
                data.Add(nameof(ForwardKernels.SharedMemoryForward), columns, unit);
                data.Add(nameof(ForwardKernels.GlobalMemoryForward), columns, unit);
                data.Add(nameof(ForwardKernels.SharedMemoryClassify), columns, unit);
                data.Add(nameof(ForwardKernels.GlobalMemoryClassify), columns, unit);
            }
        }
        data.Add(nameof(ForwardKernels.FoldRowScores), "", true);
        return data;
    }

    /// <summary>The kernel method as the GPU backend loads it (<see cref="KernelCatalog"/>).</summary>
    private static MethodInfo Method(string kernel, string task, bool unit)
    {
        bool four = task == "4";
        if (task.Length == 0 || four)
            return kernel switch
            {
                nameof(ForwardKernels.SharedMemoryForward) => KernelCatalog.SharedForward(unit, four).Method,
                nameof(ForwardKernels.GlobalMemoryForward) => KernelCatalog.GlobalForward(unit, four).Method,
                nameof(ForwardKernels.SharedMemoryClassify) => KernelCatalog.SharedClassify(unit, four).Method,
                nameof(ForwardKernels.GlobalMemoryClassify) => KernelCatalog.GlobalClassify(unit, four).Method,
                _ => KernelCatalog.FoldRowScores().Method,
            };
        var (schedule, shared, bufferState) = (
                from s in Enum.GetValues<GpuSchedule>()
                from m in new[] { true, false }
                from b in new[] { true, false }
                select (s, m, b))
            .Single(entry => RolloutKernels.EntryName(entry.s, entry.m, entry.b) == kernel);
        return TaskRegistry.Dispatch(TaskRegistry.Get(task, "test"), new RolloutMethod(schedule, shared, unit, bufferState));
    }

    private sealed class RolloutMethod(GpuSchedule schedule, bool shared, bool unit, bool bufferState) : IRolloutTaskVisitor<MethodInfo>
    {
        public MethodInfo Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => KernelCatalog.Rollout<TTask>(schedule, shared, unit, bufferState).Method;
    }

    /// <summary>The PTX the CUDA loader would hand the driver for the kernel: <see cref="KernelLoader.Compile"/> with an H100-class PTX backend.</summary>
    private string LoadedPtx(string kernel, string task, bool unit, out string generated)
    {
        string? fromIlgpu = null;
        var loaded = KernelLoader.Compile(Method(kernel, task, unit), entry =>
        {
            var compiled = (PTXCompiledKernel)compiler.For(task).Compile(entry, new KernelSpecialization());
            fromIlgpu = compiled.PTXAssembly;
            return compiled;
        });
        generated = fromIlgpu!;
        return Assert.IsType<PTXCompiledKernel>(loaded).PTXAssembly;
    }

    /// <summary>The PTX as ILGPU generates it, before the loader rounds it.</summary>
    private string GeneratedPtx(string kernel, string task, bool unit)
    {
        LoadedPtx(kernel, task, unit, out string generated);
        return generated;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_CompilesToExactPtx_AsTheCudaLoaderLoadsIt(string kernel, string task, bool unit)
    {
        string ptx = LoadedPtx(kernel, task, unit, out string generated);
        Assert.Contains(".entry", ptx);
        Assert.Contains(".target sm_", ptx);
        // The walker's Box2D world holds its solver's working set (five bodies, four joints, the collider and
        // time-of-impact structs) in locals that its phases take by reference; ILGPU keeps those in local memory
        // (per thread, cached): 2,316 bytes a thread when measured, next to its 16.7 KB of state in a device
        // buffer. The bound catches a working set that grows by accident. Every other task must have none.
        if (task == BipedTaskName) Assert.InRange(LocalBytes(ptx), 0, 3072);
        else Assert.DoesNotContain(".local", ptx);
        // ILGPU writes unrounded (fusable) arithmetic; what the loader loads has none.
        Assert.NotEmpty(PtxRounding.InexactInstructions(generated));
        Assert.Empty(PtxRounding.InexactInstructions(ptx));
    }

    private static readonly string BipedTaskName = Wann.Kernels.Tasks.Biped.BipedTask<Wann.Kernels.Tasks.Biped.Lanes.LaneTrig>.Spec.Name;

    /// <summary>Bytes of local memory a PTX module declares (the sum of its <c>.local</c> arrays).</summary>
    public static int LocalBytes(string ptx) =>
        System.Text.RegularExpressions.Regex.Matches(ptx, @"\.local\s+\.align\s+\d+\s+\.b8\s+\w+\[(\d+)\]").Sum(m => int.Parse(m.Groups[1].Value));

    public static TheoryData<string> SimulatedTasks()
    {
        var data = new TheoryData<string>();
        foreach (var task in TaskRegistry.Simulated) data.Add(task.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SimulatedTasks))]
    public void QueuedRollout_UsesNoMoreLocalMemoryThanTheGridRollout(string task)
    {
        // The queue loop around the episode must not push the working set out of registers: the variant the backend
        // loads for the task (shared memory; state in registers where it fits), queued against grid.
        bool bufferState = TaskRegistry.Simulator(TaskRegistry.Get(task, "test")).StateSize > RegisterState.Capacity;
        int grid = LocalBytes(GeneratedPtx(RolloutKernels.EntryName(GpuSchedule.Grid, true, bufferState), task, unit: true));
        int queue = LocalBytes(GeneratedPtx(RolloutKernels.EntryName(GpuSchedule.Queue, true, bufferState), task, unit: true));
        Assert.InRange(queue, 0, grid);
    }

    [Fact]
    public void SharedWeightKernels_DoNotReadEdgeScales()
    {
        // The stored-weight variant loads each edge's scale and multiplies; the shared one has neither.
        string unit = GeneratedPtx(nameof(ForwardKernels.SharedMemoryForward), "", unit: true);
        string stored = GeneratedPtx(nameof(ForwardKernels.SharedMemoryForward), "", unit: false);
        int Count(string ptx, string what) => ptx.Split('\n').Count(line => line.Contains(what));
        Assert.True(Count(stored, "ld.global") > Count(unit, "ld.global"));
        Assert.True(Count(stored, "mul.f32") > Count(unit, "mul.f32"));
    }

    [Fact]
    public void Rounding_MakesEveryAddSubtractAndMultiplyExplicit()
    {
        const string ptx = "\tmul.f32 \t%f3, %f1, %f2;\n\tadd.f32 \t%f4, %f3, %f0;\n\tsub.f32 %f5, %f4, %f1;\n\tadd.s32 %r1, %r2, 1;\n\tdiv.rn.f32 %f6, %f5, %f1;\n";
        string rounded = PtxRounding.RoundEachOperation(ptx);
        Assert.Contains("mul.rn.f32", rounded);
        Assert.Contains("add.rn.f32", rounded);
        Assert.Contains("sub.rn.f32", rounded);
        Assert.Contains("add.s32", rounded);
        Assert.Contains("div.rn.f32", rounded);
        Assert.Equal(new[] { "add.f32", "mul.f32", "sub.f32" }, PtxRounding.InexactInstructions(ptx));
        Assert.Empty(PtxRounding.InexactInstructions(rounded));
        Assert.Equal(new[] { "ex2.approx.f32", "fma.rn.f32", "mul.f64", "setp.ltu.f32" },
            PtxRounding.InexactInstructions("fma.rn.f32 a; ex2.approx.f32 b; mul.f64 c; setp.ltu.f32 p, x, y; setp.gt.f32 q, x, y;"));
    }
}
