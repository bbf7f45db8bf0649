using System;

namespace Flows.Kubernetes;

/// <summary>The Kubernetes API paths Flows uses, relative to the server's base address (which may carry a path prefix).</summary>
internal static class ApiPaths
{
    public static string Jobs(string ns) => $"apis/batch/v1/namespaces/{Escape(ns)}/jobs";

    public static string Job(string ns, string name) => $"{Jobs(ns)}/{Escape(name)}";

    public static string Pods(string ns) => $"api/v1/namespaces/{Escape(ns)}/pods";

    public static string Pod(string ns, string name) => $"{Pods(ns)}/{Escape(name)}";

    public static string PodLog(string ns, string pod) => $"{Pod(ns, pod)}/log";

    public static string ServiceAccount(string ns, string name) => $"api/v1/namespaces/{Escape(ns)}/serviceaccounts/{Escape(name)}";

    public static string Secrets(string ns) => $"api/v1/namespaces/{Escape(ns)}/secrets";

    public static string Secret(string ns, string name) => $"{Secrets(ns)}/{Escape(name)}";

    public static string Events(string ns) => $"api/v1/namespaces/{Escape(ns)}/events";

    public static string EventsOf(string ns, string involvedObjectName) =>
        $"{Events(ns)}?fieldSelector={Escape("involvedObject.name=" + involvedObjectName)}";

    /// <summary><paramref name="path"/> with <c>?labelSelector=</c> (or <c>&amp;</c>) appended.</summary>
    public static string WithLabelSelector(string path, string selector) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "labelSelector=" + Escape(selector);

    /// <summary><paramref name="path"/> with <c>?fieldSelector=</c> (or <c>&amp;</c>) appended.</summary>
    public static string WithFieldSelector(string path, string selector) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "fieldSelector=" + Escape(selector);

    public static string NameSelector(string name) => "metadata.name=" + name;

    public static string Escape(string value) => Uri.EscapeDataString(value);
}
