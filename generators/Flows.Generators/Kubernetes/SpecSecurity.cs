using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes.PodSecurity;
using Flows.Generators.Kubernetes.Validation;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Kubernetes;

/// <summary>The security checks of the pod a job spec or pod spec describes: Pod Security Standards (baseline, and FLOW082 restricted), literal secrets (FLOW083), ':latest' (FLOW085).</summary>
internal static class SpecSecurity
{
    /// <param name="baseline">The baseline profile's diagnostic: FLOW043 for a Job, FLOW075 for a pod task.</param>
    /// <param name="secretReaders">Who can read a literal env value: "Job and its pods", "Pod".</param>
    /// <param name="replacedEnv">The container whose env Flows sets, or null.</param>
    /// <param name="replacedImage">The container whose image Flows sets, or null.</param>
    public static void Check(SpecProblemReporter problems, SpecNode podSpec, SpecNode metadata, DiagnosticDescriptor baseline, string secretReaders, string? replacedEnv, string? replacedImage)
    {
        var (baselineViolations, restrictedViolations) = PodSecurityFindings.Of(podSpec, metadata);
        foreach (var violation in baselineViolations)
        {
            problems.Report(baseline, violation.Node, problems.FileName, violation.Detail, violation.CheckId);
        }
        foreach (var violation in restrictedViolations)
        {
            problems.Report(DiagnosticDescriptors.RestrictedProfileViolation, violation.Node, problems.Document, violation.Detail, violation.CheckId);
        }
        foreach (var (container, name, value) in SecretEnvironment.LiteralSecrets(podSpec, replacedEnv))
        {
            problems.Report(DiagnosticDescriptors.SecretLookingLiteralEnvironment, value.Node, $"{problems.Document}: container '{container}'", name, secretReaders,
                "write valueFrom.secretKeyRef (the Secret's name and key) instead of value");
        }
        foreach (var (container, image) in LatestImageTag.Find(podSpec, replacedImage))
        {
            problems.Report(DiagnosticDescriptors.ExplicitLatestImageTag, image.Node, $"{problems.Document}: container '{container}'", image.String);
        }
    }
}
