using System;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;

namespace Flows.Docker;

/// <summary>
/// TLS to a tcp daemon (port 2376), as <c>DOCKER_TLS_VERIFY</c> asks: the client presents
/// <c>cert.pem</c>/<c>key.pem</c> from <see cref="CertPath"/>, and the daemon's certificate must chain
/// to <c>ca.pem</c> there and name the host in the URL.
/// </summary>
public sealed record DockerTls(string CertPath)
{
    internal IAuthProvider CreateCredentials()
    {
        foreach (var file in new[] { "ca.pem", "cert.pem", "key.pem" })
        {
            if (!File.Exists(Path.Combine(CertPath, file)))
            {
                throw new FileNotFoundException($"DOCKER_TLS_VERIFY is set, but {file} is missing from {CertPath} (DOCKER_CERT_PATH, default ~/.docker).", Path.Combine(CertPath, file));
            }
        }
        var client = DockerTlsCertificates.LoadCertificateFromPemFiles(Path.Combine(CertPath, "cert.pem"), Path.Combine(CertPath, "key.pem"));
        var authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(CertPath, "ca.pem"));
        return new CertificateCredentials(client) { ServerCertificateValidationCallback = TrustOnly(authority) };
    }

    /// <summary>Accepts a server certificate that chains to <paramref name="authority"/> and matches the host name.</summary>
    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 authority) => (_, certificate, _, errors) =>
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        if (certificate is X509Certificate2 server)
        {
            return chain.Build(server);
        }
        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(copy);
    };
}
