using System;
using System.Text.RegularExpressions;
using Flows.Cli;

namespace Flows.Kubernetes;

/// <summary>
/// The one line a 403 from the API server becomes: who may not do what, where, and how to grant it. The API server's
/// Status message names the user and the verb (<c>pods is forbidden: User "system:serviceaccount:ns:flows-x" cannot
/// create resource "pods" in API group "" in the namespace "ns"</c>); what it does not say, the caller does.
/// </summary>
internal static partial class ForbiddenAccess
{
    public static bool Is(Exception error) => error is KubernetesApiException { StatusCode: 403 };

    /// <param name="verb">The verb of the request, used when the server's message does not name it.</param>
    /// <param name="resource">The resource of the request (<c>pods</c>, <c>pods/log</c>, <c>events</c>), likewise.</param>
    /// <param name="flowName">The flow whose Job made the request: a service account is then told to apply the flow's <c>render --rbac</c>.</param>
    public static string Line(KubernetesApiException refused, string verb, string resource, string @namespace, string? flowName)
    {
        var denied = Denial().Match(refused.Message);
        if (denied.Success)
        {
            verb = denied.Groups["verb"].Value;
            resource = denied.Groups["resource"].Value;
        }
        var user = User().Match(refused.Message) is { Success: true } named ? named.Groups["user"].Value : null;
        var who = user switch
        {
            null => "the credentials in use",
            _ when ServiceAccount().Match(user) is { Success: true } account => $"service account {account.Groups["ns"].Value}/{account.Groups["name"].Value}",
            _ => $"user \"{user}\"",
        };
        var fix = (user is not null && !user.StartsWith("system:serviceaccount:", StringComparison.Ordinal)) || flowName is null
            ? $"ask for a Role with {resource}: {verb} in namespace {@namespace} (the one 'render --rbac' prints lists what Flows needs)."
            : $"grant the flow's Role: {EntrypointCommand.Prefix} render --rbac --flow {ShellWord(flowName)} --namespace {@namespace} | kubectl apply -f -";
        return $"{who} may not {verb} {resource} in namespace {@namespace} (403 Forbidden); {fix}";
    }

    /// <summary>Quoted for a shell when it is not one plain word (shown to be typed, never run).</summary>
    private static string ShellWord(string value) =>
        PlainWord().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"cannot (?<verb>[a-z]+) resource ""(?<resource>[^""]+)""")]
    private static partial Regex Denial();

    [GeneratedRegex(@"User ""(?<user>[^""]*)""")]
    private static partial Regex User();

    [GeneratedRegex(@"^system:serviceaccount:(?<ns>[^:]+):(?<name>[^:]+)\z")]
    private static partial Regex ServiceAccount();

    [GeneratedRegex(@"^[A-Za-z0-9_./:=@%+-]+\z")]
    private static partial Regex PlainWord();
}
