using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests.Contract;

/// <summary>
/// What submit and cleanup rely on in the Kubernetes API (create a Job, get it, watch its pods to the end, read
/// the log, delete by label), as tests whose bodies run unchanged against the API double (ApiDoubleContractTests
/// in Flows.Kubernetes.Tests) and against the real cluster (RealClusterContractTests in Flows.Cluster.Tests, which
/// compiles this folder too). When the double drifts from the real protocol, one of the two fails.
/// Each project defines its own <c>ContractFactAttribute</c> (the cluster's skips outside the lane).
/// </summary>
public abstract class KubernetesApiContract
{
    public static readonly string[] Lines = ["contract line 1", "contract line 2", "contract line 3"];

    /// <summary>A Job whose container prints its args, one a line, and exits 0 (busybox on the cluster; the double's kubelet prints the args).</summary>
    private const string JobSpec = """
        {
          "apiVersion": "batch/v1",
          "kind": "Job",
          "metadata": { "name": "contract-job" },
          "spec": {
            "backoffLimit": 0,
            "template": {
              "spec": {
                "restartPolicy": "Never",
                "terminationGracePeriodSeconds": 1,
                "containers": [
                  {
                    "name": "flow",
                    "image": "",
                    "command": ["/bin/sh", "-c", "for line in \"$@\"; do echo \"$line\"; done", "print-args"],
                    "args": ["contract line 1", "contract line 2", "contract line 3"]
                  }
                ]
              }
            }
          }
        }
        """;

    /// <summary>The API to test, with an empty namespace of its own; disposed after the test.</summary>
    private protected abstract Task<ContractCluster> ConnectAsync();

    [ContractFact]
    public async Task Create_makes_a_job_that_get_reads_back_with_the_run_labels_and_cleanup_deletes_it()
    {
        await using var cluster = await ConnectAsync();
        var flowRunId = NewRunId();

        var submit = await RunAsync(cluster, "submit", "--flow-run-id", flowRunId);

        Assert.True(submit.ExitCode == ExitCodes.Success, submit.ToString());
        var jobName = submit.Output.Trim();
        using var api = cluster.OpenApi();
        var job = await api.GetAsync($"/apis/batch/v1/namespaces/{cluster.Namespace}/jobs/{jobName}", CancellationToken.None);
        Assert.Equal(KubernetesRunInfo.IdentifierFor(flowRunId), job["metadata"]!["labels"]!["identifier"]!.GetValue<string>());
        Assert.Equal(flowRunId, job["metadata"]!["labels"]!["flow_run_id"]!.GetValue<string>());
        Assert.Equal(Lines, job["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => a!.GetValue<string>()));

        var cleanup = await RunAsync(cluster, "cleanup", "--flow-run-id", flowRunId);

        Assert.True(cleanup.ExitCode == ExitCodes.Success, cleanup.ToString());
        Assert.Contains($"deleted job {cluster.Namespace}/{jobName}", cleanup.Output);
        Assert.Empty(await ListAsync(api, cluster, "jobs", flowRunId));
    }

    [ContractFact]
    public async Task Follow_watches_the_pod_to_its_end_prints_the_log_once_in_order_and_deletes_by_label()
    {
        await using var cluster = await ConnectAsync();
        var flowRunId = NewRunId();

        var result = await RunAsync(cluster, "submit", "--follow", "--flow-run-id", flowRunId);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(Lines, result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0));
        Assert.Contains("(propagationPolicy=Background)", result.Error);
        using var api = cluster.OpenApi();
        // Background propagation removes the Job at once; its pods are gone or in their grace period.
        Assert.Empty(await ListAsync(api, cluster, "jobs", flowRunId));
        Assert.All(await ListAsync(api, cluster, "pods", flowRunId), pod => Assert.NotNull(pod["metadata"]!["deletionTimestamp"]));
    }

    [ContractFact]
    public async Task Submitting_the_same_run_id_twice_is_refused_by_the_api_as_already_existing()
    {
        await using var cluster = await ConnectAsync();
        var flowRunId = NewRunId();

        var first = await RunAsync(cluster, "submit", "--flow-run-id", flowRunId);
        var second = await RunAsync(cluster, "submit", "--flow-run-id", flowRunId);

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.UsageError, second.ToString());
        Assert.Contains($"already exists: flow run id '{flowRunId}' was submitted before", second.Error);
        await RunAsync(cluster, "cleanup", "--flow-run-id", flowRunId);
    }

    private static string NewRunId() => "contract-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<IReadOnlyList<JsonNode>> ListAsync(KubernetesApi api, ContractCluster cluster, string resource, string flowRunId)
    {
        var group = resource == "jobs" ? "/apis/batch/v1" : "/api/v1";
        var list = await api.GetAsync($"{group}/namespaces/{cluster.Namespace}/{resource}?labelSelector=identifier%3D{KubernetesRunInfo.IdentifierFor(flowRunId)}", CancellationToken.None);
        return list["items"]!.AsArray().Select(item => item!).ToList();
    }

    private static async Task<ContractResult> RunAsync(ContractCluster cluster, params string[] args)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync([.. args, "--namespace", cluster.Namespace], [Flow(cluster)], output, error, limit.Token,
            new KubernetesCommandLineExtension(cluster.Settings));
        return new ContractResult(exitCode, output.ToString(), error.ToString());
    }

    private static FlowDefinition Flow(ContractCluster cluster)
    {
        var template = new KubernetesJobTemplate("contract_job.json", "flow", cluster.Image, cluster.Namespace, "contract-job", run =>
        {
            var job = JobSpecPatching.Parse(JobSpec);
            var metadata = JobSpecPatching.ObjectAt(job, "metadata");
            metadata["name"] = run.JobName;
            metadata["namespace"] = run.Namespace;
            JobSpecPatching.SetRunLabels(metadata, run);
            JobSpecPatching.SetRunLabels(JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(job, "spec"), "template"), "metadata"), run);
            JobSpecPatching.Container(job, 0)["image"] = run.Image;
            return job;
        });
        return new FlowDefinition("contract flow", "Flows.Kubernetes.Tests.Contract.ContractFlow", null, [], [], [], _ => throw new NotSupportedException("runs on the cluster"), template);
    }

    private sealed record ContractResult(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }
}

/// <summary>An API under contract test: its settings (kubeconfig, timeouts), an empty namespace, the image the contract Job runs.</summary>
internal abstract class ContractCluster(KubernetesCommandSettings settings, string @namespace, string image) : IAsyncDisposable
{
    public KubernetesCommandSettings Settings { get; } = settings;

    public string Namespace { get; } = @namespace;

    public string Image { get; } = image;

    public KubernetesApi OpenApi() => new(Settings.LoadConfiguration(), Settings, TextWriter.Null);

    public abstract ValueTask DisposeAsync();
}
