using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;

namespace Wann.Host.Tests;

/// <summary>The cluster as separate processes on loopback: workers killed mid-run, and TLS keeping out a worker with another certificate.</summary>
public sealed class ClusterProcessTests
{
    private static readonly string Wann = Path.Combine(AppContext.BaseDirectory, "wann.dll");

    [Fact]
    public async Task ClusterCheckScript_HostAndThreeWorkers_OneKilled_IsIdentical()
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "scripts", "cluster-check.sh"));
        info.Environment["WANN"] = $"dotnet {Wann}";
        info.Environment["POP"] = "300";
        info.Environment["GENS"] = "12";
        using var script = Process.Start(info)!;
        var errorRead = script.StandardError.ReadToEndAsync();
        string output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();
        string error = await errorRead;
        string last = output.TrimEnd().Split('\n')[^1];
        Assert.True(script.ExitCode == 0, output + error);
        Assert.StartsWith("cluster-check: identical", last);
        Assert.Contains("SIGKILLed worker 3", output);
        Assert.Contains("dropped", error);
    }

    [Fact]
    public async Task Tls_WorkerAndHostWithAnotherCertificate_CannotJoin_TheRightOnesCan()
    {
        string folder = HostRunner.TempFolder();
        int port = 40000 + Environment.ProcessId % 5000;
        foreach (string name in new[] { "right", "wrong" })
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".pfx"), SelfSigned("wann-cluster").Export(X509ContentType.Pkcs12, "pw"));
            File.WriteAllText(Path.Combine(folder, name + ".json"), $$"""
                {
                  "clusterId": "tls-test",
                  "membership": { "kind": "static", "primary": "127.0.0.1:{{port}}", "gateways": ["127.0.0.1:{{port + 100}}"] },
                  "worker": { "siloPort": {{port}}, "gatewayPort": {{port + 100}} },
                  "callTimeoutSeconds": 10, "joinTimeoutSeconds": 5,
                  "tls": { "certificate": "{{name}}.pfx", "password": "pw" }
                }
                """);
        }
        using var primary = Start("worker", "--cluster", Path.Combine(folder, "right.json"), "--threads", "1");
        try
        {
            Assert.Contains("worker ready", primary.StandardOutput.ReadLine());

            // The intruding worker and the refused host each wait out the join timeout: side by side, not one after the other.
            using var intruder = Start("worker", "--cluster", Path.Combine(folder, "wrong.json"), "--silo-port", $"{port + 1}", "--gateway-port", $"{port + 101}");
            var intruderError = intruder.StandardError.ReadToEndAsync();
            var refused = HostRunner.Run("train", "--task", "swingup_hard", "--pop", "16", "--gens", "2", "--cluster", Path.Combine(folder, "wrong.json"), "--out", Path.Combine(folder, "refused"));
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("no worker of cluster 'tls-test' answered", refused.Error);
            Assert.True(intruder.WaitForExit(60_000));
            Assert.Equal(2, intruder.ExitCode);
            Assert.Contains("could not join cluster 'tls-test'", await intruderError);

            var run = HostRunner.Run("train", "--task", "swingup_hard", "--pop", "16", "--gens", "2", "--quiet", "--cluster", Path.Combine(folder, "right.json"), "--out", Path.Combine(folder, "run"));
            Assert.True(run.ExitCode == 0, run.Error);
            var local = HostRunner.Run("train", "--task", "swingup_hard", "--pop", "16", "--gens", "2", "--quiet", "--backend", "cpu", "--out", Path.Combine(folder, "local"));
            Assert.Equal(0, local.ExitCode);
            Assert.Equal(HostRunner.LogWithoutTimes(Path.Combine(folder, "local")), HostRunner.LogWithoutTimes(Path.Combine(folder, "run")));
        }
        finally
        {
            primary.Kill();
            primary.WaitForExit();
        }
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Wann);
        foreach (string a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
