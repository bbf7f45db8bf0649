using System.Collections.Generic;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Kubernetes;
using Flows.Generators.PodTasks;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>The checked pod spec as the generator emits it: the whole Pod as compact JSON.</summary>
public class PodSpecModelTests
{
    private const string SharedVolumeSpecJson =
        "{\"containers\":[{\"name\":\"primary\",\"volumeMounts\":[{\"name\":\"shared-data\",\"mountPath\":\"/data\"}]},"
        + "{\"name\":\"secondary\",\"image\":\"alpine:3.20\",\"command\":[\"/bin/sh\"],\"args\":[\"-c\",\"echo hi sidecar world > /data/message.txt\"],"
        + "\"volumeMounts\":[{\"name\":\"shared-data\",\"mountPath\":\"/data\"}]}],"
        + "\"volumes\":[{\"name\":\"shared-data\",\"emptyDir\":{\"medium\":\"Memory\"}}]}";

    [Fact]
    public void A_bare_PodSpec_is_wrapped_in_a_v1_Pod()
    {
        var model = PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(), SeedSpecs.SharedVolume, null);

        Assert.NotNull(model);
        Assert.Equal("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":" + SharedVolumeSpecJson + "}", model!.PodJson);
        Assert.Equal("primary", model.PrimaryContainerName);
        Assert.Equal("wait-for-message", model.PodBaseName);
    }

    [Fact]
    public void A_Pod_is_kept_whole()
    {
        var model = PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(), SeedSpecs.SharedVolumePod, null);

        Assert.Equal(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"shared-volume\",\"labels\":{\"team\":\"data\"}},\"spec\":" + SharedVolumeSpecJson + "}",
            model!.PodJson);
    }

    [Fact]
    public void Scalars_keep_the_types_the_API_server_reads()
    {
        var model = PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(), """
            containers:
            - name: web
              image: nginx:1.27
              ports:
              - containerPort: 8080
              env:
              - name: PORT
                value: "8080"
              - name: DEBUG
                value: 'true'
            hostNetwork: false
            """, null);

        Assert.Equal(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":8080}],"
            + "\"env\":[{\"name\":\"PORT\",\"value\":\"8080\"},{\"name\":\"DEBUG\",\"value\":\"true\"}]}],\"hostNetwork\":false}}",
            model!.PodJson);
    }

    [Fact]
    public void Without_a_file_the_Pod_is_empty()
    {
        var model = PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(podSpecFile: null), null, null);

        Assert.Equal("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":{\"containers\":[]}}", model!.PodJson);
    }

    [Fact]
    public void An_error_gives_no_model_and_a_warning_does()
    {
        var problems = new List<SpecProblem>();
        Assert.Null(PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(), "kind: Job\n", problems.Add));
        Assert.NotEmpty(problems);

        problems.Clear();
        Assert.NotNull(PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(), "containers:\n- name: primary\n  image: python:3.12\n", problems.Add));
        Assert.Single(problems);
    }
}
