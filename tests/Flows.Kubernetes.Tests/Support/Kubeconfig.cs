using System;
using System.IO;
using Flows.Kubernetes.Tests.ApiDouble;

namespace Flows.Kubernetes.Tests.Support;

/// <summary>A kubeconfig file for the API double: http://127.0.0.1:PORT, a bearer token, namespace flows-test.</summary>
internal static class Kubeconfig
{
    public static string WriteFor(KubernetesApiDouble api)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flows-kubernetes-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"kubeconfig-{Guid.NewGuid():N}.yaml");
        api.TemporaryPaths.Add(path);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: api-double
              cluster:
                server: {api.BaseUri.AbsoluteUri.TrimEnd('/')}
            contexts:
            - name: api-double
              context:
                cluster: api-double
                user: tester
                namespace: {TestFlows.Namespace}
            current-context: api-double
            users:
            - name: tester
              user:
                token: {KubernetesApiDouble.Token}
            """);
        return path;
    }
}
