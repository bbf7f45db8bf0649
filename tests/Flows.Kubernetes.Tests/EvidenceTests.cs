using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests;

public class EvidenceTests
{
    [Fact]
    public async Task A_failed_run_exits_1_and_saves_its_evidence_under_flows_evidence_job_name_before_deleting_the_job()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "GetValue: Running", "GetValue: Failed: boom");
            pod.Exit("flow", 3);
            await Task.CompletedTask;
        };
        var flow = TestFlows.Create();
        var root = KubernetesCli.TempFolder(api, "evidence-root");
        var settings = KubernetesCli.Settings(api, evidenceRoot: root);

        var result = await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--wait", "--flow-run-id", "fails-1");

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var run = TestFlows.RunInfo(flow, "fails-1");
        var pod = run.JobName + "-00001";
        var folder = Path.Combine(root, run.JobName);
        Assert.Contains($"Evidence of the failed run saved in {folder} ", result.Error);
        Assert.Equal(
            ["events.json", "job.json", "job.yaml", $"pod-{pod}.flow.log", $"pod-{pod}.json", "summary.txt"],
            Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(JobYaml.Write(flow.KubernetesJob!.CreateJob(run)).Replace("value: foo", "value: <redacted by Flows>", StringComparison.Ordinal), File.ReadAllText(Path.Combine(folder, "job.yaml")));
        Assert.Contains("GetValue: Failed: boom", File.ReadAllText(Path.Combine(folder, $"pod-{pod}.flow.log")));
        var podJson = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, $"pod-{pod}.json")))!;
        Assert.Equal(3, podJson["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["exitCode"]!.GetValue<int>());
        Assert.Equal("BackoffLimitExceeded", JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "job.json")))!["status"]!["conditions"]![0]!["reason"]!.GetValue<string>());
        Assert.Contains("Scheduled", File.ReadAllText(Path.Combine(folder, "events.json")));
        var summary = File.ReadAllText(Path.Combine(folder, "summary.txt"));
        Assert.Contains("Flow run id: fails-1", summary);
        Assert.Contains("exited with code 3 (Error)", summary);
        Assert.Contains("flow (localhost:5000/flows-test:1): terminated, exit code 3, reason Error", summary);

        // The evidence is read before the Job is deleted.
        var requests = api.Requests.ToList();
        var lastEvidenceRead = requests.FindLastIndex(r => r.IsLog && r["tailLines"] is not null);
        var firstDelete = requests.FindIndex(r => r.Method == "DELETE");
        Assert.InRange(lastEvidenceRead, 0, firstDelete - 1);
        Assert.Empty(api.Store.List("jobs", TestFlows.Namespace, _ => true).Items);
    }

    [Fact]
    public async Task Evidence_is_readable_only_by_its_owner_and_keeps_env_names_and_valueFrom_but_no_literal_value()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Exit("flow", 1);
            await Task.CompletedTask;
        };
        var jobSpec = TestFlows.JobSpec.Replace("""{ "name": "MY_ENV", "value": "foo" }""",
            """{ "name": "API_TOKEN", "value": "tok-5ecr3t" }, { "name": "DB_PASSWORD", "value": "pw-5ecr3t" }, { "name": "EMPTY", "value": "" }, """
            + """{ "name": "FROM_SECRET", "valueFrom": { "secretKeyRef": { "name": "db", "key": "password" } } }""", StringComparison.Ordinal);
        var flow = TestFlows.Create(jobSpec);
        var root = KubernetesCli.TempFolder(api, "evidence-private");
        var settings = KubernetesCli.Settings(api, evidenceRoot: root);

        var result = await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--wait", "--flow-run-id", "secret-1");

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var folder = Path.Combine(root, TestFlows.RunInfo(flow, "secret-1").JobName);
        var files = Directory.GetFiles(folder);
        Assert.Contains(files, f => f.EndsWith("job.yaml", StringComparison.Ordinal));
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("pod-", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("5ecr3t", text);
        }
        var yaml = File.ReadAllText(Path.Combine(folder, "job.yaml"));
        Assert.Contains("name: API_TOKEN", yaml);
        Assert.Contains("value: <redacted by Flows>", yaml);
        Assert.Contains("secretKeyRef", yaml);
        var pod = Directory.GetFiles(folder, "pod-*.json").Single();
        var env = JsonNode.Parse(File.ReadAllText(pod))!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["API_TOKEN", "DB_PASSWORD", "EMPTY", "FROM_SECRET"], env.Take(4).Select(e => e!["name"]!.GetValue<string>()).ToArray());
        Assert.Equal("db", env[3]!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.All(env.Take(3), e => Assert.Equal("<redacted by Flows>", e!["value"]!.GetValue<string>()));
        // The run context Flows sets itself stays: it says which run this was.
        Assert.Contains(env, e => e!["name"]!.GetValue<string>() == FlowContextVariables.FlowRunId && e["value"]!.GetValue<string>() == "secret-1");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task An_image_that_cannot_be_pulled_is_one_line_with_the_image_and_the_pull_error_and_exit_1()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.FailImagePull("flow", "rpc error: code = Unknown desc = Error response from daemon: manifest for localhost:5000/flows-test:1 not found: manifest unknown");
            await Task.CompletedTask;
        };
        var flow = TestFlows.Create();
        var folder = KubernetesCli.TempFolder(api, "image");

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--follow", "--flow-run-id", "bad-image", "--evidence-dir", folder);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var line = Assert.Single(result.ErrorLines, l => l.Contains("ImagePullBackOff", StringComparison.Ordinal));
        Assert.StartsWith("error: pod ", line);
        Assert.Contains("cannot pull image 'localhost:5000/flows-test:1'", line);
        Assert.Contains("manifest unknown", line);
        Assert.DoesNotContain("ErrImagePull", result.Error);
        Assert.Equal("", result.Output);
        var pod = TestFlows.RunInfo(flow, "bad-image").JobName + "-00001";
        Assert.Contains("is waiting to start: ImagePullBackOff", File.ReadAllText(Path.Combine(folder, $"pod-{pod}.flow.log")));
        Assert.Contains("ImagePullBackOff", File.ReadAllText(Path.Combine(folder, "summary.txt")));
        Assert.Contains(api.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/jobs", StringComparison.Ordinal));
    }
}
