using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>YAML diagnostics land on the right line and column whatever the file's line endings.</summary>
public class YamlLocationTests
{
    private const string Spec = """
        # a comment line
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: {|#0:Always|}
              containers:
              - name: {|#1:Flow|}
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public Task Reported_at_the_line_and_column_of_the_node(string lineEnding) =>
        VerifyKubernetes.JobSpecAsync(
            Spec.ReplaceLineEndings(lineEnding),
            Verify.Diagnostic(DiagnosticDescriptors.InvalidRestartPolicy).WithLocation(0).WithArguments("job_spec.yaml", "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""),
            Verify.Diagnostic(DiagnosticDescriptors.InvalidKubernetesName).WithLocation(1).WithArguments("job_spec.yaml",
                "container name 'Flow' must consist of lowercase letters, digits and '-', and start and end with a letter or digit"));
}
