using System.Reflection;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Wann.Engine.Tasks;
using Wann.Kernels.Gpu;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>
/// Every kernel the GPU backend loads, compiled to PTX for an A100/H100-class target with no GPU present.
/// The ILGPU CPU accelerator runs the same kernels but not the PTX code generator, which rejects things
/// the CPU path accepts (managed calls, unsupported intrinsics); this catches them on any machine.
/// </summary>
public sealed class PtxCompilationTests
{
    public static TheoryData<string, string> Kernels()
    {
        var data = new TheoryData<string, string>();
        foreach (var task in TaskCatalog.All.Where(RolloutTasks.CanRun))
        {
            data.Add(nameof(RolloutKernels.SharedMemoryRollout), task.Name);
            data.Add(nameof(RolloutKernels.GlobalMemoryRollout), task.Name);
        }
        data.Add(nameof(ForwardKernels.SharedMemoryForward), "");
        data.Add(nameof(ForwardKernels.GlobalMemoryForward), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_CompilesToPtx(string kernel, string task)
    {
        var method = task.Length == 0
            ? typeof(ForwardKernels).GetMethod(kernel, BindingFlags.Public | BindingFlags.Static)!
            : typeof(RolloutKernels).GetMethod(kernel, BindingFlags.Public | BindingFlags.Static)!
                .MakeGenericMethod(RolloutTasks.Get(TaskCatalog.Get(task, "test")).GetType());

        using var context = GpuDevices.CreateContext();
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_80), CudaArchitecture.SM_80, CudaInstructionSet.ISA_70, nvvmAPI: null);
        var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromExplicitlyGroupedKernel(method), new KernelSpecialization());

        Assert.Contains(".entry", compiled.PTXAssembly);
        Assert.Contains(".target sm_80", compiled.PTXAssembly);
    }
}
