using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using Wann.Engine.Programs;
using Wann.Kernels.Tasks;

namespace Wann.Host.Cluster;

/// <summary>
/// What identifies the code that computes a shard's rewards: wann's version, the ILGPU version, and a
/// SHA-256 over the two assemblies that hold the task physics, the activations, the program format and
/// every backend (Wann.Engine, Wann.Kernels). Host and workers must agree on it: a worker built from other
/// code, even of the same version and cluster protocol, could return other rewards. The assemblies are
/// hashed without what depends on where and when they were built rather than on their code: the debug
/// directory (it names the PDB's path), the module id and timestamp derived from it, the PE checksum and
/// the informational version (it names the git commit), so one commit built in two folders has one fingerprint.
/// </summary>
public static class BuildFingerprint
{
    private static readonly Lazy<string> Computed = new(Compute);

    /// <summary>This build's fingerprint: 16 hex digits.</summary>
    public static string Current => Computed.Value;

    private static string Compute()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"wann {BuildInfo.Version}; ILGPU {typeof(ILGPU.Context).Assembly.GetName().Version}\n"));
        foreach (var assembly in new[] { typeof(ProgramBatch).Assembly, typeof(TaskRegistry).Assembly })
            hash.AppendData(Normalized(File.ReadAllBytes(assembly.Location)));
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    /// <summary>An assembly's bytes with the parts that do not come from its code set to zero.</summary>
    public static byte[] Normalized(byte[] assembly)
    {
        var bytes = (byte[])assembly.Clone();
        using var pe = new PEReader(ImmutableArray.Create(assembly));
        var headers = pe.PEHeaders;
        Zero(bytes, headers.CoffHeaderStartOffset + 4, 4); // TimeDateStamp
        Zero(bytes, headers.PEHeaderStartOffset + 64, 4); // CheckSum
        var debug = headers.PEHeader!.DebugTableDirectory;
        if (debug.Size > 0 && headers.TryGetDirectoryOffset(debug, out int debugOffset)) Zero(bytes, debugOffset, debug.Size);
        foreach (var entry in pe.ReadDebugDirectory()) Zero(bytes, entry.DataPointer, entry.DataSize);

        var metadata = pe.GetMetadataReader();
        int metadataStart = headers.MetadataStartOffset;
        int mvid = MetadataTokens.GetHeapOffset(metadata.GetModuleDefinition().Mvid);
        Zero(bytes, metadataStart + metadata.GetHeapMetadataOffset(HeapIndex.Guid) + (mvid - 1) * 16, 16);
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (AttributeName(metadata, attribute) != "AssemblyInformationalVersionAttribute") continue;
            var (start, length) = BlobBytes(metadata, attribute.Value);
            Zero(bytes, metadataStart + start, length);
        }
        return bytes;
    }

    /// <summary>Where a blob's bytes are (after its compressed length) from the start of the metadata, and how many.</summary>
    private static unsafe (int Start, int Length) BlobBytes(MetadataReader metadata, BlobHandle handle)
    {
        var blob = metadata.GetBlobReader(handle);
        return ((int)(blob.StartPointer - metadata.MetadataPointer), blob.Length);
    }

    private static string? AttributeName(MetadataReader metadata, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MemberReference when metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
            => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name),
        HandleKind.MethodDefinition
            => metadata.GetString(metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name),
        _ => null,
    };

    private static void Zero(byte[] bytes, int offset, int count)
    {
        if (offset >= 0 && count > 0 && offset <= bytes.Length - count) Array.Clear(bytes, offset, count);
    }
}
