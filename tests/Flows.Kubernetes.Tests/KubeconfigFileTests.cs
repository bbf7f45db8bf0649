using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;

namespace Flows.Kubernetes.Tests;

/// <summary>
/// The fast kubeconfig reader gives the connection settings the KubernetesClient's own loader gives, for the
/// kubeconfigs it reads, and declines (null: the caller falls back) the ones it does not.
/// </summary>
public sealed class KubeconfigFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flows-kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Certificate_files_relative_to_the_kubeconfig_and_a_ca_file_read_as_the_client_reads_them()
    {
        WritePem("ca.crt", out _);
        WritePem("admin.crt", out var key);
        File.WriteAllText(Path.Combine(_folder, "admin.key"), key);
        var path = Write("""
            apiVersion: v1
            kind: Config
            clusters:
            - name: lane
              cluster: {server: "https://127.0.0.1:6443", certificate-authority: ca.crt}
            users:
            - name: admin
              user: {client-certificate: admin.crt, client-key: admin.key}
            contexts:
            - name: other
              context: {cluster: lane, user: admin, namespace: elsewhere}
            - name: lane
              context: {cluster: lane, user: admin, namespace: jobs}
            current-context: lane
            """);

        AssertSameAsTheClient(path);
    }

    [Fact]
    public void Embedded_data_a_token_and_insecure_skip_tls_verify_read_as_the_client_reads_them()
    {
        var ca = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(WritePem("unused.crt", out _)));
        var path = Write($"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: a
              cluster:
                server: https://cluster.example:443
                certificate-authority-data: {ca}
            - name: b
              cluster:
                server: https://other.example
                insecure-skip-tls-verify: true
            users:
            - name: robot
              user:
                token: abc.def
            contexts:
            - name: b
              context: {"{"}cluster: b, user: robot{"}"}
            current-context: b
            """);

        AssertSameAsTheClient(path);
        Assert.True(KubeconfigFile.TryRead(path)!.SkipTlsVerify);
    }

    [Theory]
    [InlineData("exec: {command: aws, apiVersion: client.authentication.k8s.io/v1beta1}")]
    [InlineData("username: admin\n    password: secret")]
    [InlineData("auth-provider: {name: oidc}")]
    public void Plugins_and_basic_auth_are_left_to_the_clients_loader(string user)
    {
        var path = Write($"""
            clusters:
            - name: c
              cluster: {"{"}server: "https://127.0.0.1:6443"{"}"}
            users:
            - name: u
              user:
                {user}
            contexts:
            - name: c
              context: {"{"}cluster: c, user: u{"}"}
            current-context: c
            """);

        Assert.Null(KubeconfigFile.TryRead(path));
    }

    [Theory]
    [InlineData("current-context: missing\nclusters: []\ncontexts: []")]
    [InlineData("[not, a, mapping]")]
    [InlineData("clusters: {unclosed")]
    public void Broken_or_incomplete_kubeconfigs_are_left_to_the_clients_loader_which_explains_them(string text) =>
        Assert.Null(KubeconfigFile.TryRead(Write(text)));

    private void AssertSameAsTheClient(string path)
    {
        var fast = KubeconfigFile.TryRead(path);
        var client = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.NotNull(fast);
        Assert.Equal(client.Host, fast!.Host);
        Assert.Equal(client.Namespace, fast.Namespace);
        Assert.Equal(client.SkipTlsVerify, fast.SkipTlsVerify);
        Assert.Equal(client.AccessToken, fast.AccessToken);
        Assert.Equal(client.ClientCertificateData, fast.ClientCertificateData);
        Assert.Equal(client.ClientCertificateKeyData, fast.ClientCertificateKeyData);
        Assert.Equal(Full(client.ClientCertificateFilePath), Full(fast.ClientCertificateFilePath));
        Assert.Equal(Full(client.ClientKeyFilePath), Full(fast.ClientKeyFilePath));
        Assert.Equal(Thumbprints(client.SslCaCerts), Thumbprints(fast.SslCaCerts));
    }

    private static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);

    private static string[] Thumbprints(X509Certificate2Collection? certificates) =>
        certificates?.Select(c => c.Thumbprint).ToArray() ?? [];

    private string Write(string text)
    {
        var path = Path.Combine(_folder, $"config-{Guid.NewGuid():N}");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a new self-signed certificate as PEM to <paramref name="file"/>; returns the PEM, and its key as PEM.</summary>
    private string WritePem(string file, out string keyPem)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=flows-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pem = certificate.ExportCertificatePem();
        keyPem = key.ExportPkcs8PrivateKeyPem();
        File.WriteAllText(Path.Combine(_folder, file), pem);
        return pem;
    }
}
