using System.Linq;
using System.Text.Json.Nodes;
using Flows.Manifests;
using Flows.Runtime.Tests.Kubernetes.Support;
using Flows.Runtime.Tests.PodTasks;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>A flow Job that creates its pod tasks through the API from inside the cluster: its pod keeps the token.</summary>
[Flow("k8s job with a pod task")]
[KubernetesJob]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/job-with-pod-task", ImageTag = "1")]
internal static partial class JobWithPodTaskFlow
{
    [FlowTask]
    [PodTask("PodTasks/fixtures/primary-only.pod.yaml", "primary")]
    public static string Compute() => "computed";
}

/// <summary>
/// The restricted-profile settings Flows adds where the spec is silent, on the generated Job and pod-task Pods, and
/// that each value the spec sets (at the container's or the pod's level) wins, field by field.
/// </summary>
public class RestrictedPodDefaultsTests
{
    private const long FlowUser = RestrictedPodDefaults.FlowImageUserId;

    [Fact]
    public void The_default_job_carries_every_restricted_setting_and_a_writable_tmp()
    {
        var job = RenderedJob.For(DefaultJobFlow.Definition).Job;
        var podSpec = job["spec"]!["template"]!["spec"]!.AsObject();
        var container = podSpec["containers"]![0]!.AsObject();

        Assert.False((bool)podSpec["automountServiceAccountToken"]!);
        Assert.Equal("""{"seccompProfile":{"type":"RuntimeDefault"}}""", podSpec["securityContext"]!.ToJsonString());
        var security = container["securityContext"]!;
        Assert.True((bool)security["runAsNonRoot"]!);
        Assert.Equal(FlowUser, (long)security["runAsUser"]!);
        Assert.Equal(FlowUser, (long)security["runAsGroup"]!);
        Assert.False((bool)security["allowPrivilegeEscalation"]!);
        Assert.Equal("""["ALL"]""", security["capabilities"]!["drop"]!.ToJsonString());
        Assert.Null(security["capabilities"]!["add"]);
        Assert.True((bool)security["readOnlyRootFilesystem"]!);
        Assert.Equal("""[{"name":"flows-tmp","mountPath":"/tmp"}]""", container["volumeMounts"]!.ToJsonString());
        Assert.Equal("""[{"name":"flows-tmp","emptyDir":{}}]""", podSpec["volumes"]!.ToJsonString());
    }

    [Fact]
    public void A_flow_with_pod_tasks_keeps_the_service_account_token_its_job_needs_to_create_them()
    {
        var podSpec = RenderedJob.For(JobWithPodTaskFlow.Definition).Job["spec"]!["template"]!["spec"]!.AsObject();

        Assert.False(podSpec.ContainsKey("automountServiceAccountToken"));
        Assert.True((bool)podSpec["containers"]![0]!["securityContext"]!["runAsNonRoot"]!);
    }

    [Fact]
    public void A_sidecar_of_the_users_spec_is_left_as_written_even_when_privileged()
    {
        var input = YamlToJson.Parse(RepositoryFiles.Fixture("seed000.job.yaml"))!.AsObject();
        var job = RenderedJob.For(Seed000Flow.Definition).Job;

        var dind = job["spec"]!["template"]!["spec"]!["containers"]![1]!;
        Assert.True(JsonNode.DeepEquals(input["spec"]!["template"]!["spec"]!["containers"]![1], dind), dind.ToJsonString());
        Assert.True((bool)job["spec"]!["template"]!["spec"]!["containers"]![0]!["securityContext"]!["runAsNonRoot"]!);
    }

    [Fact]
    public void Each_value_the_flow_container_sets_wins()
    {
        var (podSpec, container) = Job("""
            {"containers":[{"name":"flow","securityContext":{"runAsUser":1000,"runAsNonRoot":false,"allowPrivilegeEscalation":true,
              "readOnlyRootFilesystem":false,"capabilities":{"drop":["NET_RAW"]}}}],
             "automountServiceAccountToken":true,"securityContext":{"seccompProfile":{"type":"Unconfined"}}}
            """);

        Assert.Equal("""{"runAsUser":1000,"runAsNonRoot":false,"allowPrivilegeEscalation":true,"readOnlyRootFilesystem":false,"capabilities":{"drop":["NET_RAW"]},"runAsGroup":1654}""",
            container["securityContext"]!.ToJsonString());
        Assert.False(container.ContainsKey("volumeMounts"));
        Assert.False(podSpec.ContainsKey("volumes"));
        Assert.True((bool)podSpec["automountServiceAccountToken"]!);
        Assert.Equal("""{"seccompProfile":{"type":"Unconfined"}}""", podSpec["securityContext"]!.ToJsonString());
    }

    [Fact]
    public void A_pod_level_user_group_or_non_root_setting_is_not_overridden_at_the_container()
    {
        var (podSpec, container) = Job("""{"securityContext":{"runAsUser":2000,"runAsGroup":3000,"runAsNonRoot":true},"containers":[{"name":"flow"}]}""");

        var security = container["securityContext"]!.AsObject();
        Assert.False(security.ContainsKey("runAsUser"));
        Assert.False(security.ContainsKey("runAsGroup"));
        Assert.False(security.ContainsKey("runAsNonRoot"));
        Assert.Equal("""{"runAsUser":2000,"runAsGroup":3000,"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}}""", podSpec["securityContext"]!.ToJsonString());
    }

    [Fact]
    public void An_explicit_root_user_gets_root_and_not_a_run_as_non_root_the_kubelet_would_refuse()
    {
        var (_, atContainer) = Job("""{"containers":[{"name":"flow","securityContext":{"runAsUser":0}}]}""");
        var (_, atPod) = Job("""{"securityContext":{"runAsUser":0},"containers":[{"name":"flow"}]}""");

        Assert.False(atContainer["securityContext"]!.AsObject().ContainsKey("runAsNonRoot"));
        Assert.False(atPod["securityContext"]!.AsObject().ContainsKey("runAsNonRoot"));
        Assert.False((bool)atPod["securityContext"]!["allowPrivilegeEscalation"]!);
    }

    [Fact]
    public void Added_capabilities_are_kept_beside_the_drop_and_privileged_or_sys_admin_keeps_its_privilege_escalation()
    {
        var (_, netBind) = Job("""{"containers":[{"name":"flow","securityContext":{"capabilities":{"add":["NET_BIND_SERVICE"]}}}]}""");
        var (_, privileged) = Job("""{"containers":[{"name":"flow","securityContext":{"privileged":true}}]}""");
        var (_, sysAdmin) = Job("""{"containers":[{"name":"flow","securityContext":{"capabilities":{"add":["CAP_SYS_ADMIN"]}}}]}""");

        Assert.Equal("""{"add":["NET_BIND_SERVICE"],"drop":["ALL"]}""", netBind["securityContext"]!["capabilities"]!.ToJsonString());
        Assert.False(privileged["securityContext"]!.AsObject().ContainsKey("allowPrivilegeEscalation"));
        Assert.False(sysAdmin["securityContext"]!.AsObject().ContainsKey("allowPrivilegeEscalation"));
    }

    [Fact]
    public void A_spec_that_names_a_service_account_or_the_legacy_seccomp_annotation_keeps_them()
    {
        var job = JobSpecPatching.Parse("""
            {"spec":{"template":{"metadata":{"annotations":{"seccomp.security.alpha.kubernetes.io/pod":"unconfined"}},
              "spec":{"serviceAccountName":"reader","containers":[{"name":"flow"}]}}}}
            """);
        RestrictedPodDefaults.ApplyToJob(job, JobSpecPatching.Container(job, 0), usesApi: false);

        var podSpec = job["spec"]!["template"]!["spec"]!.AsObject();
        Assert.False(podSpec.ContainsKey("automountServiceAccountToken"));
        Assert.False(podSpec["securityContext"]!.AsObject().ContainsKey("seccompProfile"));
    }

    [Fact]
    public void A_mount_at_tmp_of_the_users_is_kept_and_no_second_one_added()
    {
        var (podSpec, container) = Job("""
            {"containers":[{"name":"flow","volumeMounts":[{"name":"scratch","mountPath":"/tmp/"}]}],"volumes":[{"name":"scratch","emptyDir":{"medium":"Memory"}}]}
            """);

        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.Equal("""[{"name":"scratch","mountPath":"/tmp/"}]""", container["volumeMounts"]!.ToJsonString());
        Assert.Equal("""[{"name":"scratch","emptyDir":{"medium":"Memory"}}]""", podSpec["volumes"]!.ToJsonString());
    }

    [Fact]
    public void Patching_twice_adds_nothing_more()
    {
        var job = JobSpecPatching.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"flow"}]}}}}""");
        RestrictedPodDefaults.ApplyToJob(job, JobSpecPatching.Container(job, 0), usesApi: false);
        var once = job.ToJsonString();

        RestrictedPodDefaults.ApplyToJob(job, JobSpecPatching.Container(job, 0), usesApi: false);

        Assert.Equal(once, job.ToJsonString());
    }

    [Fact]
    public void A_sidecar_tasks_primary_runs_the_flow_image_locked_down_and_its_sidecar_stays_as_written()
    {
        var input = YamlToJson.Parse(System.IO.File.ReadAllText(RepositoryFiles.PathOf("tests/Flows.Runtime.Tests/PodTasks/fixtures/shared-volume.pod.yaml")))!.AsObject();
        var rendered = RenderedPod.For(nameof(PodTaskFlow.WaitForMessage));

        var spec = rendered.Pod["spec"]!.AsObject();
        Assert.False((bool)spec["automountServiceAccountToken"]!);
        Assert.Equal("RuntimeDefault", (string)spec["securityContext"]!["seccompProfile"]!["type"]!);
        var security = rendered.Container("primary")["securityContext"]!;
        Assert.True((bool)security["runAsNonRoot"]!);
        Assert.Equal(FlowUser, (long)security["runAsUser"]!);
        Assert.True((bool)security["readOnlyRootFilesystem"]!);
        Assert.Equal("""[{"name":"shared-data","mountPath":"/data"},{"name":"flows-tmp","mountPath":"/tmp"}]""", rendered.Container("primary")["volumeMounts"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(input["containers"]![1], rendered.Container("secondary")));
    }

    [Fact]
    public void A_container_tasks_image_may_run_as_root_but_without_capabilities_or_privilege_escalation()
    {
        var rendered = RenderedPod.For(nameof(PodTaskFlow.Shout), """{"message":"hi","count":1}""");

        var spec = rendered.Pod["spec"]!.AsObject();
        Assert.False((bool)spec["automountServiceAccountToken"]!);
        Assert.Equal("RuntimeDefault", (string)spec["securityContext"]!["seccompProfile"]!["type"]!);
        Assert.Equal("""{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}""", rendered.Container("task")["securityContext"]!.ToJsonString());
        Assert.False(rendered.Container("task").ContainsKey("volumeMounts"));
    }

    [Fact]
    public void A_pod_spec_with_its_own_service_account_keeps_its_token()
    {
        var rendered = RenderedPod.For(nameof(PodTaskFlow.Configure));

        Assert.False(rendered.Pod["spec"]!.AsObject().ContainsKey("automountServiceAccountToken"));
        Assert.Equal("ssd", (string)rendered.Pod["spec"]!["nodeSelector"]!["disk"]!);
    }

    private static (JsonObject PodSpec, JsonObject Container) Job(string podSpecJson)
    {
        var job = JobSpecPatching.Parse("""{"spec":{"template":{"spec":""" + podSpecJson + "}}}");
        var container = JobSpecPatching.Container(job, 0);
        RestrictedPodDefaults.ApplyToJob(job, container, usesApi: false);
        return (job["spec"]!["template"]!["spec"]!.AsObject(), container);
    }
}
