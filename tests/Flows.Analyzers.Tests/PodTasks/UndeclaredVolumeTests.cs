using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW065: a volumeMount names a volume that spec.volumes does not declare, in any container.</summary>
public class UndeclaredVolumeTests
{
    [Fact]
    public Task Reported_for_the_primary_and_an_init_container() => VerifyPodTasks.PodSpecAsync("""
        initContainers:
        - name: setup
          image: busybox:1.36
          volumeMounts:
          - name: {|#1:cache|}
            mountPath: /cache
        containers:
        - name: primary
          volumeMounts:
          - name: {|#0:shared-data|}
            mountPath: /data
        volumes:
        - name: shared
          emptyDir: {}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UndeclaredVolume).WithLocation(0).WithArguments("pod_spec.yaml", "primary", "shared-data"),
        Verify.Diagnostic(DiagnosticDescriptors.UndeclaredVolume).WithLocation(1).WithArguments("pod_spec.yaml", "setup", "cache"));

    [Fact]
    public Task Reported_in_a_Pod_without_volumes() => VerifyPodTasks.PodSpecAsync("""
        apiVersion: v1
        kind: Pod
        spec:
          containers:
          - name: secondary
            image: alpine:3.20
            volumeMounts:
            - name: {|#0:shared-data|}
              mountPath: /data
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UndeclaredVolume).WithLocation(0).WithArguments("pod_spec.yaml", "secondary", "shared-data"));

    [Fact]
    public Task Not_reported_for_declared_volumes() => VerifyPodTasks.PodSpecAsync(SeedSpecs.SharedVolume);
}
