using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW062: the document is neither a v1 Pod nor a bare PodSpec, or one of its parts has the wrong shape.</summary>
public class PodSpecNotAPodTests
{
    [Fact]
    public Task Reported_at_a_kind_other_than_Pod() => VerifyPodTasks.PodSpecAsync("""
        apiVersion: {|#1:batch/v1|}
        kind: {|#0:Job|}
        spec:
          template: {}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0)
            .WithArguments("pod_spec.yaml", "kind is 'Job': write 'kind: Pod' (a Job or Deployment is not a pod spec; take its pod template's spec)"),
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(1)
            .WithArguments("pod_spec.yaml", "apiVersion is 'batch/v1': write 'apiVersion: v1'"));

    [Fact]
    public Task Reported_at_a_Pod_without_kind() => VerifyPodTasks.PodSpecAsync("""
        {|#0:|}apiVersion: v1
        spec:
          containers: []
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0)
            .WithArguments("pod_spec.yaml", "kind is missing: add 'kind: Pod' (or leave apiVersion, kind, metadata and spec out and write the PodSpec's fields only)"));

    [Fact]
    public Task Reported_at_a_mapping_without_PodSpec_fields() => VerifyPodTasks.PodSpecAsync("""
        {|#0:|}image: busybox:1.36
        command: ["sh"]
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0)
            .WithArguments("pod_spec.yaml", "the mapping has none of the PodSpec fields (containers, initContainers, volumes, restartPolicy, ...); for a Pod, add 'apiVersion: v1' and 'kind: Pod'"));

    [Fact]
    public Task Reported_at_a_list_document() => VerifyPodTasks.PodSpecAsync("""
        {|#0:|}- name: primary
        - name: secondary
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0).WithArguments("pod_spec.yaml", "the document is a list, not a mapping"));

    [Fact]
    public Task Reported_at_an_empty_file() => VerifyPodTasks.PodSpecAsync(
        "{|#0:|}",
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0).WithArguments("pod_spec.yaml", "the file is empty"));

    [Fact]
    public Task Reported_at_containers_that_are_not_a_list() => VerifyPodTasks.PodSpecAsync("""
        containers: {|#0:primary|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0)
            .WithArguments("pod_spec.yaml", "containers is a string, but must be a list ('- name: ...' items)"));

    [Fact]
    public Task Reported_at_a_container_that_is_not_a_mapping() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - {|#0:42|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0)
            .WithArguments("pod_spec.yaml", "an item of containers is a number or boolean, but must be a mapping (name: ..., ...)"));

    [Fact]
    public Task Reported_at_a_Pod_spec_that_is_a_list() => VerifyPodTasks.PodSpecAsync("""
        apiVersion: v1
        kind: Pod
        spec: {|#0:|}[]
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecNotAPod).WithLocation(0).WithArguments("pod_spec.yaml", "spec is a list, but must be a mapping"));
}
