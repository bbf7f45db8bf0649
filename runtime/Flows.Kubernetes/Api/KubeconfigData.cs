using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Exceptions;

namespace Flows.Kubernetes;

/// <summary>
/// The embedded and referenced data of a kubeconfig (base64 <c>*-data</c> fields, PEM certificates), checked as they are
/// read: a broken one is a <see cref="KubeConfigException"/> naming the file, the entry and the field, and saying what to
/// fix — which the command prints as one line (exit 2) instead of a FormatException's stack trace at the first request.
/// </summary>
internal static class KubeconfigData
{
    /// <summary>The text a base64 field holds (a PEM); <paramref name="where"/> is e.g. "cluster 'lane'".</summary>
    public static string DecodeBase64(string value, string file, string where, string field)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            throw new KubeConfigException($"kubeconfig {file}: {where}: {field} is not valid base64; paste the base64 of the PEM file again (base64 -w0 FILE), or name the file with {field[..^"-data".Length]}.");
        }
    }

    /// <summary>The certificates of a PEM text; at least one, each parseable.</summary>
    public static X509Certificate2Collection Certificates(string pem, string file, string where, string field)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException broken)
        {
            throw new KubeConfigException($"kubeconfig {file}: {where}: {field} is not a valid PEM certificate ({broken.Message.TrimEnd('.')}); replace it with the cluster's CA certificate.");
        }
        if (certificates.Count == 0)
        {
            throw new KubeConfigException($"kubeconfig {file}: {where}: {field} holds no PEM certificate (-----BEGIN CERTIFICATE-----); replace it with the cluster's CA certificate.");
        }
        return certificates;
    }

    /// <summary>Checks that a client certificate (base64 data) decodes and parses, so that the client does not fail on it later.</summary>
    public static void CheckClientCertificate(string? certificateData, string? keyData, string file, string where)
    {
        if (certificateData is not null)
        {
            var pem = DecodeBase64(certificateData, file, where, "client-certificate-data");
            try
            {
                using var certificate = X509Certificate2.CreateFromPem(pem);
            }
            catch (CryptographicException broken)
            {
                throw new KubeConfigException($"kubeconfig {file}: {where}: client-certificate-data is not a valid PEM certificate ({broken.Message.TrimEnd('.')}); replace it with your client certificate.");
            }
        }
        if (keyData is not null)
        {
            DecodeBase64(keyData, file, where, "client-key-data");
        }
    }

    /// <summary>The text of a file the kubeconfig names, or a clear error when it cannot be read.</summary>
    public static string ReadFile(string path, string file, string where, string field)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"kubeconfig {file}: {where}: {field} {path} cannot be read: {unreadable.Message}");
        }
    }
}
