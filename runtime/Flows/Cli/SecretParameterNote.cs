using System.IO;
using System.Linq;
using Flows.Manifests;

namespace Flows.Cli;

/// <summary>
/// What <c>render</c> says, on stderr, about a Job that reads secret parameters: the Secret it needs and how to create it
/// without putting the value on a command line. <c>submit</c> creates that Secret itself.
/// </summary>
internal static class SecretParameterNote
{
    public static void Write(TextWriter error, KubernetesRunInfo run)
    {
        var secrets = run.Parameters.Secrets;
        if (secrets.Count == 0)
        {
            return;
        }
        var keys = string.Join(", ", secrets.Select(s => s.Variable + (s.Definition.IsRequired ? "" : " (optional)")));
        var fromFiles = string.Concat(secrets.Select(s => $" --from-file={s.Variable}=./{s.Definition.Name}.txt"));
        error.WriteLine($"note: the Job reads its secret parameters from Secret {run.Namespace}/{run.ParameterSecretName}, keys {keys}; " +
            $"'submit' creates it with the values from FLOWS__PARAM__*. To apply this Job yourself, create the Secret first, e.g. " +
            $"kubectl create secret generic {run.ParameterSecretName} -n {run.Namespace}{fromFiles}");
    }
}
