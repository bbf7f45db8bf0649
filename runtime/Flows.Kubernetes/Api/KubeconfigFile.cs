using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using Flows.Yaml;
using k8s;
using YamlDotNet.RepresentationModel;

namespace Flows.Kubernetes;

/// <summary>
/// Reads the common kubeconfig — one file; a current context whose cluster has a server and a CA (file or data, or
/// insecure-skip-tls-verify) and whose user has a client certificate and key (files or data) or a token (or token
/// file) — straight from its YAML. The KubernetesClient's own loader builds a reflection-based YAML deserializer
/// first, which costs a command about 250 ms of start-up; this takes about 50. Anything else (several files,
/// exec or auth-provider plugins, basic auth, proxies) returns null, and the caller uses the client's loader. Broken
/// embedded data or certificates are a <see cref="k8s.Exceptions.KubeConfigException"/> saying what to fix (<see cref="KubeconfigData"/>).
/// </summary>
internal static class KubeconfigFile
{
    public static KubernetesClientConfiguration? TryRead(string path)
    {
        YamlMappingNode root;
        try
        {
            var stream = BoundedYaml.Load(BoundedYamlText.ReadFile(path, YamlLimits.Default));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return null;
            }
            root = mapping;
        }
        catch (Exception refused) when (refused is YamlLimitException or YamlWithoutJsonException)
        {
            // Not for the client's loader either, which has no limits: one clear line instead of a crash.
            var at = ((YamlDotNet.Core.YamlException)refused).Start;
            throw new k8s.Exceptions.KubeConfigException($"the kubeconfig {path} is not loaded: line {at.Line}, column {at.Column}: {(refused as YamlLimitException)?.Problem ?? ((YamlWithoutJsonException)refused).Problem}");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            return null;
        }

        var contextName = Scalar(root, "current-context");
        var context = Named(root, "contexts", contextName, "context");
        var clusterName = Scalar(context, "cluster");
        var userName = Scalar(context, "user");
        var cluster = Named(root, "clusters", clusterName, "cluster");
        var user = userName is null ? new YamlMappingNode() : Named(root, "users", userName, "user");
        if (context is null || cluster is null || user is null || Scalar(cluster, "server") is not { Length: > 0 } server
            || cluster.Children.Keys.Any(k => Key(k) is not ("server" or "certificate-authority" or "certificate-authority-data" or "insecure-skip-tls-verify"))
            || user.Children.Keys.Any(k => Key(k) is not ("client-certificate" or "client-certificate-data" or "client-key" or "client-key-data" or "token" or "tokenFile")))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string? Relative(string? file) => file is null ? null : Path.IsPathRooted(file) ? file : Path.Combine(folder, file);

        var configuration = new KubernetesClientConfiguration
        {
            Host = server,
            Namespace = Scalar(context, "namespace"),
            SkipTlsVerify = string.Equals(Scalar(cluster, "insecure-skip-tls-verify"), "true", StringComparison.OrdinalIgnoreCase),
            ClientCertificateData = Scalar(user, "client-certificate-data"),
            ClientCertificateKeyData = Scalar(user, "client-key-data"),
            ClientCertificateFilePath = Relative(Scalar(user, "client-certificate")),
            ClientKeyFilePath = Relative(Scalar(user, "client-key")),
            AccessToken = Scalar(user, "token") ?? (Relative(Scalar(user, "tokenFile")) is { } tokenFile ? File.ReadAllText(tokenFile).Trim() : null),
        };
        var clusterEntry = $"cluster '{clusterName}'";
        if (Scalar(cluster, "certificate-authority-data") is { } caData)
        {
            configuration.SslCaCerts = KubeconfigData.Certificates(KubeconfigData.DecodeBase64(caData, path, clusterEntry, "certificate-authority-data"), path, clusterEntry, "certificate-authority-data");
        }
        else if (Relative(Scalar(cluster, "certificate-authority")) is { } caFile)
        {
            configuration.SslCaCerts = KubeconfigData.Certificates(KubeconfigData.ReadFile(caFile, path, clusterEntry, "certificate-authority"), path, clusterEntry, "certificate-authority");
        }
        KubeconfigData.CheckClientCertificate(configuration.ClientCertificateData, configuration.ClientCertificateKeyData, path, $"user '{userName}'");
        return configuration;
    }

    private static string Key(YamlNode node) => (node as YamlScalarNode)?.Value ?? "";

    private static string? Scalar(YamlMappingNode? mapping, string key) =>
        mapping is not null && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar && scalar.Value is { Length: > 0 } text
            ? text
            : null;

    /// <summary>The mapping under <paramref name="field"/> of the entry of list <paramref name="list"/> named <paramref name="name"/>.</summary>
    private static YamlMappingNode? Named(YamlMappingNode root, string list, string? name, string field)
    {
        if (name is null || !root.Children.TryGetValue(new YamlScalarNode(list), out var entries) || entries is not YamlSequenceNode sequence)
        {
            return null;
        }
        var entry = sequence.Children.OfType<YamlMappingNode>().FirstOrDefault(e => Scalar(e, "name") == name);
        return entry is not null && entry.Children.TryGetValue(new YamlScalarNode(field), out var value) ? value as YamlMappingNode : null;
    }
}
