using System;
using System.Collections.Generic;
using System.IO;
using Flows.EndToEnd.Tests;

namespace Flows.Cluster.Tests.Support;

/// <summary>One run of <c>submit</c> in a test namespace: its run id, identifier (the label on its Job and pods), and evidence folder.</summary>
internal sealed record SubmitRun(FlowApp App, string Flow, string Namespace, string Image)
{
    public string FlowRunId { get; } = "lane-" + Guid.NewGuid().ToString("N")[..12];

    public string Identifier => Flows.Manifests.KubernetesRunInfo.IdentifierFor(FlowRunId);

    public string EvidenceRoot { get; } = Path.Combine(Path.GetTempPath(), "flows-lane-evidence", Guid.NewGuid().ToString("N"));

    /// <summary><c>submit --follow</c> with this run's flow, id, namespace, image and evidence folder, plus <paramref name="more"/>.</summary>
    public string[] Arguments(params string[] more) =>
    [
        "submit", "--follow", "--flow", Flow, "--flow-run-id", FlowRunId, "--namespace", Namespace, "--image", Image,
        "--evidence-dir", EvidenceRoot, .. more,
    ];

    public System.Threading.Tasks.Task<ProcessResult> SubmitAsync(params string[] more) => App.RunAsync(TimeSpan.FromMinutes(4), Arguments(more));

    public ProcessRunner Start(params string[] more) => App.Start(Arguments(more));

    public ProcessRunner Start(IReadOnlyDictionary<string, string> environment, params string[] more) => App.Start(environment, Arguments(more));

    public IReadOnlyList<string> EvidenceFiles() =>
        Directory.Exists(EvidenceRoot) ? Directory.GetFiles(EvidenceRoot, "*", SearchOption.AllDirectories) : [];
}
