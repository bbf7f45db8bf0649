using System;
using System.Collections.Generic;
using Flows.Generators.Diagnostics;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes;

/// <summary>
/// The findings of the API server port (Kubernetes/Validation) on one spec file, as Flows diagnostics: first those of
/// a rule with a diagnostic of its own (<see cref="SpecRule"/>; the checker says which), then every other rejection as
/// FLOW077 and every field the server drops as FLOW078, each only at a node that has no diagnostic yet.
/// </summary>
internal static class SpecFindings
{
    /// <param name="ownDiagnostic">The finding's own diagnostic, <see cref="FindingDiagnostic.None"/> to drop it, or null for FLOW077/FLOW078.</param>
    public static void Report(SpecErrors findings, SpecProblemReporter problems, Func<SpecError, FindingDiagnostic?> ownDiagnostic)
    {
        var others = new List<SpecError>();
        foreach (var finding in findings.All)
        {
            if (ownDiagnostic(finding) is not { } own)
            {
                others.Add(finding);
            }
            // A rule can give several messages about one value: the first is enough.
            else if (own.Descriptor is { } descriptor && !(own.Node is not null && problems.IsReported(descriptor, own.Node)))
            {
                problems.Report(descriptor, own.Node, own.Arguments);
            }
        }
        foreach (var finding in others)
        {
            if (finding.Node is not null && !finding.IsAtEnclosingNode && problems.IsDiagnosed(finding.Node))
            {
                continue;
            }
            if (finding.IsWarning)
            {
                problems.Report(DiagnosticDescriptors.SpecFieldIgnored, finding.Node, problems.Document, finding.Message);
            }
            else
            {
                problems.Report(DiagnosticDescriptors.SpecRejectedByApiServer, finding.Node, problems.Document, finding.Message, problems.ObjectKind);
            }
        }
    }
}
