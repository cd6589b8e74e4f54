using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Wann.Host.Cluster;

namespace Wann.Host.Tests;

/// <summary>
/// The build fingerprint follows the code that computes rewards, not where or from which commit it was
/// built: the PDB path and the commit in the informational version leave it as it is; a changed byte of
/// a method's IL changes it. (One commit built in two folders gives identical assemblies: Directory.Build.props' PathMap.)
/// </summary>
public sealed class BuildFingerprintTests
{
    private static readonly byte[] Kernels = File.ReadAllBytes(typeof(Kernels.Tasks.TaskRegistry).Assembly.Location);

    private static string Hash(byte[] assembly) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BuildFingerprint.Normalized(assembly)));

    [Fact]
    public void Fingerprint_IsSixteenHexDigits_AndStable()
    {
        Assert.Matches("^[0-9a-f]{16}$", BuildFingerprint.Current);
        Assert.Equal(Hash(Kernels), Hash((byte[])Kernels.Clone()));
    }

    [SkippableFact]
    public void AnotherPdbPathOrCommit_LeavesItAsItIs()
    {
        using var pe = new PEReader(ImmutableArray.Create(Kernels));
        var codeView = pe.ReadDebugDirectory().First(e => e.Type == DebugDirectoryEntryType.CodeView);
        var moved = (byte[])Kernels.Clone();
        moved[codeView.DataPointer + codeView.DataSize - 3] ^= 0x20; // a letter of the PDB's path
        Assert.Equal(Hash(Kernels), Hash(moved));

        int plus = Kernels.AsSpan().IndexOf("1.0.0+"u8);
        Skip.If(plus < 0, "built outside a git checkout: no commit in the informational version");
        var otherCommit = (byte[])Kernels.Clone();
        otherCommit[plus + 6] = (byte)(otherCommit[plus + 6] == (byte)'a' ? 'b' : 'a');
        Assert.Equal(Hash(Kernels), Hash(otherCommit));
    }

    [Fact]
    public void AChangedInstruction_ChangesIt()
    {
        using var pe = new PEReader(ImmutableArray.Create(Kernels));
        var metadata = pe.GetMetadataReader();
        var method = metadata.MethodDefinitions.Select(metadata.GetMethodDefinition).First(m => m.RelativeVirtualAddress != 0);
        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
        pe.PEHeaders.TryGetDirectoryOffset(new DirectoryEntry(method.RelativeVirtualAddress, body.Size), out int offset);
        var edited = (byte[])Kernels.Clone();
        edited[offset + body.Size - 1] ^= 0x01;
        Assert.NotEqual(Hash(Kernels), Hash(edited));
    }
}
