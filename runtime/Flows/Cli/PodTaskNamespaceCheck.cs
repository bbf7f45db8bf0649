using System;
using System.IO;
using Flows.Manifests;

namespace Flows.Cli;

/// <summary><c>run --namespace</c>: a name the API server cannot take is refused before any task runs, not by each pod task.</summary>
internal static class PodTaskNamespaceCheck
{
    public static bool IsValid(string? @namespace, TextWriter error)
    {
        if (string.IsNullOrEmpty(@namespace))
        {
            return true;
        }
        try
        {
            KubernetesRunInfo.CheckNamespace(@namespace);
            return true;
        }
        catch (ArgumentException invalid)
        {
            error.WriteLine("error: --namespace: " + invalid.Message);
            return false;
        }
    }
}
