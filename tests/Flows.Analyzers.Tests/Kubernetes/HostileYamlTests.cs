using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>
/// FLOW080 and FLOW081: a job or pod spec over a limit of the bounded loader, with an alias inside its own anchor, or
/// with YAML kubectl cannot convert, is one error at the line at fault; the analyzer ends quickly and does not crash
/// the compiler host. Merge keys are applied before the checks, and 1e99999 is the string kubectl reads.
/// </summary>
public class HostileYamlTests
{
    private const string Header = "apiVersion: batch/v1\nkind: Job\n";

    private static DiagnosticResult OverLimit(string message) =>
        Verify.Diagnostic(DiagnosticDescriptors.YamlOverLimit).WithLocation(0).WithArguments("Job spec 'job_spec.yaml'", message);

    private static DiagnosticResult OverLimitAt(int line, int column, int endColumn, string message) =>
        Verify.Diagnostic(DiagnosticDescriptors.YamlOverLimit)
            .WithSpan(TestProject.PathOf(VerifyKubernetes.JobSpecFile), line, column, line, endColumn)
            .WithArguments("Job spec 'job_spec.yaml'", message);

    private static DiagnosticResult WithoutJson(string message) =>
        Verify.Diagnostic(DiagnosticDescriptors.YamlWithoutJson).WithLocation(0).WithArguments("Job spec 'job_spec.yaml'", message);

    [Fact]
    public Task A_billion_laughs_is_FLOW080_at_the_alias_that_passes_the_node_limit()
    {
        var yaml = new StringBuilder(Header + "metadata:\n  annotations:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var aliases = Enumerable.Repeat($"*a{level - 1}", 10).ToArray();
            if (level == 4)
            {
                aliases[7] = "{|#0:*a3|}";
            }
            yaml.Append($"    a{level}: &a{level} [{string.Join(", ", aliases)}]\n");
        }
        return VerifyKubernetes.JobSpecAsync(yaml.ToString(),
            OverLimit("the alias *a3 makes the document more than 100,000 nodes with aliases expanded (a Job with a thousand env variables has about 5,000): write fewer aliases or split the file"));
    }

    [Fact]
    public Task A_self_referencing_alias_is_FLOW080_at_the_alias() => VerifyKubernetes.JobSpecAsync(
        Header + "metadata: &r\n  labels: {|#0:*r|}\n",
        OverLimit("the alias *r is inside the node it refers to (&r at line 3), so the document would be infinite: replace the alias with the values it should stand for"));

    [Fact]
    public Task A_hundred_thousand_nested_lists_are_FLOW080_at_the_first_list_too_deep() => VerifyKubernetes.JobSpecAsync(
        Header + "spec: " + new string('[', 100_000) + new string(']', 100_000) + "\n",
        OverLimitAt(3, 106, 106, "the list here is nested 101 levels deep, more than the 100 Flows reads (a Job's deepest field is 15 levels down): flatten the document"));

    [Fact]
    public Task A_file_over_3_MiB_is_FLOW080_where_it_passes_the_limit()
    {
        var filler = "# " + new string('x', 1000) + "\n";
        var yaml = new StringBuilder(Header);
        while (yaml.Length + filler.Length <= 3 * 1024 * 1024)
        {
            yaml.Append(filler);
        }
        var line = yaml.ToString().Count(c => c == '\n') + 1;
        var column = 3 * 1024 * 1024 - yaml.Length + 1;
        yaml.Append(filler);
        return VerifyKubernetes.JobSpecAsync(yaml.ToString(),
            OverLimitAt(line, column, column, "the text is longer than the 3,145,728 characters Flows reads (the API server takes at most 3 MiB in one request): shorten the file"));
    }

    [Fact]
    public Task Infinity_is_FLOW081_at_the_value() => VerifyKubernetes.JobSpecAsync(
        Header + "spec:\n  backoffLimit: {|#0:.inf|}\n",
        WithoutJson("'.inf' is a float that JSON cannot hold, so kubectl refuses the file (json: unsupported value); quote it (\".inf\") if it is text, or write a number"));

    [Fact]
    public Task A_merge_key_whose_value_is_not_a_mapping_is_FLOW081_at_the_value() => VerifyKubernetes.JobSpecAsync(
        Header + "spec:\n  <<: [a, {|#0:b|}]\n",
        WithoutJson("this item of the merge key's list is not a mapping, and kubectl refuses the file (map merge requires map or sequence of maps as the value): merge a mapping (<<: *base) or a list of mappings (<<: [*a, *b]), or quote \"<<\" if it is a key"));

    [Fact]
    public Task A_privileged_context_merged_in_from_an_anchor_is_checked_as_kubectl_sends_it() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: setup
                image: busybox
                securityContext: &privileged
                  privileged: {|#0:true|}
              containers:
              - name: flow-container
                securityContext:
                  <<: *privileged
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(0).WithArguments("job_spec.yaml", "container 'flow-container' is privileged (securityContext.privileged: true): it has every capability and the node's devices", "privileged"),
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(0).WithArguments("job_spec.yaml", "container 'setup' is privileged (securityContext.privileged: true): it has every capability and the node's devices", "privileged"));

    [Fact]
    public Task A_number_out_of_float_range_is_a_string_so_a_type_error_not_Infinity() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          backoffLimit: {|#0:1e99999|}
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SpecRejectedByApiServer).WithLocation(0).WithArguments("Job spec 'job_spec.yaml'",
            "spec.backoffLimit: must be an integer, not a string (\"1e99999\")", "Job"));

    [Fact]
    public Task A_pod_spec_with_a_self_referencing_alias_is_FLOW080_too() => VerifyPodTasks.PodSpecAsync(
        "containers: &c\n- name: primary\n  args: {|#0:*c|}\n",
        Verify.Diagnostic(DiagnosticDescriptors.YamlOverLimit).WithLocation(0).WithArguments("Pod spec 'pod_spec.yaml'",
            "the alias *c is inside the node it refers to (&c at line 1), so the document would be infinite: replace the alias with the values it should stand for"));
}
