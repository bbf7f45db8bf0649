using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW068: a container name in the pod spec is not a DNS-1123 label, or not a string at all.</summary>
public class PodInvalidContainerNameTests
{
    [Fact]
    public Task Reported_for_a_name_with_uppercase_and_underscore() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        - name: {|#0:Side_Car|}
          image: busybox:1.36
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidContainerName).WithLocation(0)
            .WithArguments("pod_spec.yaml", "'Side_Car' must consist of lowercase letters, digits and '-', and start and end with a letter or digit"));

    [Fact]
    public Task Reported_for_a_name_YAML_reads_as_a_number() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: {|#0:123|}
          image: busybox:1.36
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidContainerName).WithLocation(0)
            .WithArguments("pod_spec.yaml", "123 is read as a number or boolean, not a string: quote it (name: \"123\")"));
}
