using System.Text;

namespace Flows;

/// <summary>
/// The environment variables that carry secret flow parameters (<c>[FlowParameter(Secret = true)]</c>): on the user's machine
/// for <c>run</c>, <c>submit</c> and <c>render</c>, and inside a Job or a pod task's Pod, where they come from a Kubernetes
/// Secret through <c>valueFrom.secretKeyRef</c>. The variable's name is also the Secret's key.
/// </summary>
public static class SecretParameterVariables
{
    public const string Prefix = "FLOWS__PARAM__";

    /// <summary><c>FLOWS__PARAM__</c> + the name upper-cased, each character other than a letter or digit made '_' (<c>apiToken</c>: <c>FLOWS__PARAM__APITOKEN</c>).</summary>
    public static string NameFor(string parameterName)
    {
        var name = new StringBuilder(Prefix, Prefix.Length + parameterName.Length);
        foreach (var c in parameterName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return name.ToString();
    }
}
