using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

internal sealed partial class KubernetesApiDouble
{
    private int _podCount;

    /// <summary>POST a Job: stored as sent (plus metadata and an empty status); the "Job controller" creates its pod and the "kubelet" runs <see cref="PodScript"/>.</summary>
    private async Task CreateJobAsync(HttpExchange exchange, RecordedRequest request, string ns)
    {
        JobPostBodies.Enqueue(exchange.Body);
        JsonObject? job;
        try
        {
            job = JsonNode.Parse(exchange.Body) as JsonObject;
        }
        catch (JsonException invalid)
        {
            await exchange.RespondJsonAsync(400, Status(400, "BadRequest", invalid.Message));
            return;
        }
        var name = job?["metadata"]?["name"]?.GetValue<string>();
        if (job is null || name is null)
        {
            await exchange.RespondJsonAsync(422, Status(422, "Invalid", "Job.batch is invalid: metadata.name: Required value: name or generateName is required"));
            return;
        }
        job["status"] = new JsonObject();
        var stored = Store.Add("jobs", ns, job);
        if (stored is null)
        {
            await exchange.RespondJsonAsync(409, Status(409, "AlreadyExists", $"jobs.batch \"{name}\" already exists"));
            return;
        }
        CreatePodFor(ns, stored);
        if (Faults.TakeLostAnswer(request))
        {
            await exchange.RespondJsonAsync(500, Status(500, "InternalError", "an injected error after the Job was created"));
            return;
        }
        await exchange.RespondJsonAsync(201, Store.Get("jobs", ns, name) ?? stored);
    }

    private void CreatePodFor(string ns, JsonObject job)
    {
        var jobName = job["metadata"]!["name"]!.GetValue<string>();
        var uid = job["metadata"]!["uid"]!.GetValue<string>();
        var template = (JsonObject?)job["spec"]?["template"]?.DeepClone() ?? new JsonObject();
        var labels = (JsonObject?)template["metadata"]?["labels"]?.DeepClone() ?? new JsonObject();
        labels["controller-uid"] = uid;
        labels["job-name"] = jobName;
        var podName = $"{jobName}-{Interlocked.Increment(ref _podCount).ToString("D5", CultureInfo.InvariantCulture)}";
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = podName,
                ["generateName"] = jobName + "-",
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "batch/v1",
                    ["kind"] = "Job",
                    ["name"] = jobName,
                    ["uid"] = uid,
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
            ["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" },
        };
        Store.Add("pods", ns, pod);
        Store.Update("jobs", ns, jobName, j => j["status"] = new JsonObject { ["startTime"] = Now(), ["active"] = 1 });
        var scripted = new ScriptedPod(this, ns, podName, jobName, (JsonObject)pod["spec"]!);
        Track(Task.Run(() => PodScript(scripted)));
    }

    /// <summary>The "Job controller": a pod that Succeeded completes the Job, one that Failed fails it (backoffLimit 0).</summary>
    internal void SyncJob(string ns, string jobName, string podPhase)
    {
        if (podPhase is not ("Succeeded" or "Failed"))
        {
            return;
        }
        Store.Update("jobs", ns, jobName, job =>
        {
            var status = (JsonObject)(job["status"] ??= new JsonObject());
            if (status["conditions"] is not null)
            {
                return;
            }
            status.Remove("active");
            var succeeded = podPhase == "Succeeded";
            status[succeeded ? "succeeded" : "failed"] = 1;
            if (succeeded)
            {
                status["completionTime"] = Now();
            }
            var condition = new JsonObject
            {
                ["type"] = succeeded ? "Complete" : "Failed",
                ["status"] = "True",
                ["lastProbeTime"] = Now(),
                ["lastTransitionTime"] = Now(),
            };
            if (!succeeded)
            {
                condition["reason"] = "BackoffLimitExceeded";
                condition["message"] = "Job has reached the specified backoff limit";
            }
            status["conditions"] = new JsonArray(condition);
        });
    }

    /// <summary>The Job fails for a reason of its own (e.g. DeadlineExceeded).</summary>
    internal void FailJob(string ns, string jobName, string reason, string message) =>
        Store.Update("jobs", ns, jobName, job =>
        {
            var status = (JsonObject)(job["status"] ??= new JsonObject());
            status.Remove("active");
            status["failed"] = 1;
            status["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Failed",
                ["status"] = "True",
                ["reason"] = reason,
                ["message"] = message,
                ["lastProbeTime"] = Now(),
                ["lastTransitionTime"] = Now(),
            });
        });

    internal static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
