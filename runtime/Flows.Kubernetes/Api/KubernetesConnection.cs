using System;
using System.IO;
using k8s.Exceptions;

namespace Flows.Kubernetes;

/// <summary>Opens the API from the settings' configuration, or explains on the error writer why it cannot.</summary>
internal static class KubernetesConnection
{
    public static KubernetesApi? Open(KubernetesCommandSettings settings, TextWriter error)
    {
        try
        {
            return new KubernetesApi(settings.LoadConfiguration(), settings, error);
        }
        catch (KubernetesConfigurationMissingException missing)
        {
            error.WriteLine("error: " + missing.Message);
        }
        catch (Exception invalid) when (invalid is KubeConfigException or IOException or UriFormatException)
        {
            error.WriteLine("error: the Kubernetes configuration cannot be used: " + invalid.Message);
        }
        return null;
    }
}
