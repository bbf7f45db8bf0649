using System;
using System.IO;
using System.Security.Cryptography;
using k8s.Exceptions;

namespace Flows.Kubernetes;

/// <summary>Opens the API from the settings' configuration, or explains on the error writer why it cannot.</summary>
internal static class KubernetesConnection
{
    public static KubernetesApi? Open(KubernetesCommandSettings settings, TextWriter error)
    {
        var api = TryOpen(settings, error, out var problem);
        if (problem is not null)
        {
            error.WriteLine("error: " + problem);
        }
        return api;
    }

    /// <summary>The API, with its retry notes going to <paramref name="notes"/>; null with <paramref name="problem"/> saying why not.</summary>
    public static KubernetesApi? TryOpen(KubernetesCommandSettings settings, TextWriter notes, out string? problem)
    {
        problem = null;
        try
        {
            return new KubernetesApi(settings.LoadConfiguration(), settings, notes);
        }
        catch (KubernetesConfigurationMissingException missing)
        {
            problem = missing.Message;
        }
        catch (Exception invalid) when (invalid is KubeConfigException or IOException or UriFormatException)
        {
            problem = "the Kubernetes configuration cannot be used: " + UrlRedaction.InText(invalid.Message);
        }
        catch (Exception broken) when (broken is FormatException or CryptographicException or ArgumentException)
        {
            // What the client's own loader and its TLS set-up throw for embedded data that is not base64 or not a certificate.
            problem = $"the Kubernetes configuration cannot be used: {UrlRedaction.InText(broken.Message).TrimEnd('.')} (a certificate or key in the kubeconfig is not valid base64 PEM; check its *-data fields and the files it names).";
        }
        return null;
    }
}
