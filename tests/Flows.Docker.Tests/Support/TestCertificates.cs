using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Flows.Docker.Tests.Support;

/// <summary>
/// A certificate authority, a server certificate for localhost and a client certificate, made in
/// process and written as the docker CLI expects them in DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory, X509Certificate2 authority, X509Certificate2 server)
    {
        CertPath = directory;
        Authority = authority;
        Server = server;
    }

    /// <summary>Holds ca.pem, cert.pem and key.pem (the client's).</summary>
    public string CertPath { get; }

    public X509Certificate2 Authority { get; }

    /// <summary>For localhost and 127.0.0.1, with its private key.</summary>
    public X509Certificate2 Server { get; }

    public static TestCertificates Create(string serverName = "localhost")
    {
        var directory = Directory.CreateTempSubdirectory("flows-docker-tls-").FullName;
        var now = DateTimeOffset.UtcNow;

        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=Flows test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var authority = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var server = Issue(authority, "CN=" + serverName, "1.3.6.1.5.5.7.3.1", now, san =>
        {
            san.AddDnsName(serverName);
            san.AddIpAddress(IPAddress.Loopback);
        }, out _);
        var client = Issue(authority, "CN=flows-test-client", "1.3.6.1.5.5.7.3.2", now, null, out var clientKey);

        File.WriteAllText(Path.Combine(directory, "ca.pem"), authority.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "cert.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), clientKey);
        client.Dispose();
        return new TestCertificates(directory, authority, server);
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject, string usage, DateTimeOffset now, Action<SubjectAlternativeNameBuilder>? names, out string privateKeyPem)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (names is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            names(san);
            request.CertificateExtensions.Add(san.Build());
        }
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(authority, now.AddMinutes(-5), now.AddHours(12), serial);
        privateKeyPem = key.ExportPkcs8PrivateKeyPem();
        return issued.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        Directory.Delete(CertPath, recursive: true);
    }
}
