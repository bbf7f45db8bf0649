using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.Support;
using k8s;

namespace Flows.Kubernetes.Tests;

/// <summary>
/// A kubeconfig whose server URL carries a password never has it printed; a kubeconfig with broken embedded data is one
/// clear line and exit 2, not a stack trace.
/// </summary>
public sealed class KubeconfigProblemTests : IDisposable
{
    private const string Password = "pw-5ecr3t";

    private readonly string _folder = Directory.CreateTempSubdirectory("flows-kubeconfig-problems-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_server_url_with_user_info_is_printed_without_it()
    {
        var port = FreePort();
        var path = Write(Cluster($"server: http://admin:{Password}@127.0.0.1:{port}"), "token: abc");

        var (exitCode, error) = await SubmitAsync(path);

        Assert.True(exitCode == ExitCodes.Failed, error);
        Assert.Contains($"at http://127.0.0.1:{port}/", error);
        Assert.DoesNotContain(Password, error);
        Assert.DoesNotContain("admin", error);
    }

    [Theory]
    [InlineData("certificate-authority-data: 'not*base64'", "token: abc", "cluster 'c': certificate-authority-data is not valid base64")]
    [InlineData("certificate-authority-data: BROKEN_CERT", "token: abc", "cluster 'c': certificate-authority-data is not a valid PEM certificate")]
    [InlineData("certificate-authority-data: NO_CERT", "token: abc", "cluster 'c': certificate-authority-data holds no PEM certificate")]
    [InlineData("certificate-authority: missing-ca.crt", "token: abc", "cluster 'c': certificate-authority ")]
    [InlineData("insecure-skip-tls-verify: true", "{client-certificate-data: 'not*base64', client-key-data: 'bm8='}", "user 'u': client-certificate-data is not valid base64")]
    [InlineData("insecure-skip-tls-verify: true", "{client-certificate-data: BROKEN_CERT, client-key-data: 'bm8='}", "user 'u': client-certificate-data is not a valid PEM certificate")]
    // Basic auth: the client's own loader reads this one.
    [InlineData("certificate-authority-data: 'not*base64'", "{username: admin, password: x}", "a certificate or key in the kubeconfig is not valid base64 PEM")]
    public async Task Broken_embedded_data_is_one_line_naming_the_field_and_exit_2(string clusterField, string user, string expected)
    {
        var brokenCert = Base64("-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n");
        var path = Write(Cluster("server: https://127.0.0.1:6443", clusterField.Replace("BROKEN_CERT", brokenCert).Replace("NO_CERT", Base64("hello"))),
            user.Replace("BROKEN_CERT", brokenCert));

        var (exitCode, error) = await SubmitAsync(path);

        Assert.True(exitCode == ExitCodes.UsageError, error);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the Kubernetes configuration cannot be used: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", error);
    }

    private static string Cluster(params string[] fields) => "{" + string.Join(", ", fields) + "}";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private string Write(string cluster, string user)
    {
        var path = Path.Combine(_folder, $"kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {cluster}
            users:
            - name: u
              user: {(user.StartsWith('{') ? user : "{" + user + "}")}
            contexts:
            - name: c
              context: {"{"}cluster: c, user: u, namespace: {TestFlows.Namespace}{"}"}
            current-context: c
            """);
        return path;
    }

    private static async Task<(int ExitCode, string Error)> SubmitAsync(string kubeconfig)
    {
        var settings = new KubernetesCommandSettings
        {
            // As KubernetesConfigurationLoader reads one KUBECONFIG file, without touching this process's environment.
            LoadConfiguration = () => KubeconfigFile.TryRead(kubeconfig) ?? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig),
            Retry = new ApiRetryPolicy(MaxAttempts: 2, BaseDelay: TimeSpan.FromMilliseconds(10), MaxDelay: TimeSpan.FromMilliseconds(20), MaxRetryAfter: TimeSpan.FromMilliseconds(20)),
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exitCode = await FlowsCommandLine.InvokeAsync(["submit", "--flow-run-id", "kubeconfig-1"], [TestFlows.Create()], output, error, limit.Token,
            new KubernetesCommandLineExtension(settings));
        return (exitCode, error.ToString() + output);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
