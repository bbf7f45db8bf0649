using System.Collections.Generic;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Kubernetes;
using Flows.Generators.PodTasks;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>Whatever shape the YAML has, the checker reports problems and never throws (an analyzer exception is a bug).</summary>
public class MalformedPodSpecTests
{
    public static TheoryData<string> ReportedShapes => new()
    {
        "- name: primary\n",
        "just a string\n",
        "42\n",
        "~\n",
        "",
        "containers: 5\n",
        "containers: [5, null, [a]]\n",
        "containers: [{name: [a], image: x}]\n",
        "containers: [{name: 123, image: x}]\n",
        "containers: [{name: true, image: x}]\n",
        "containers: [{image: x}]\n",
        "containers: [{name: p}]\nvolumes: {a: b}\n",
        "containers: [{name: primary, volumeMounts: 5}]\n",
        "containers: [{name: primary, volumeMounts: [7, {name: [x]}, {name: missing}]}]\n",
        "containers: [{name: s, image: x, resources: {limits: {cpu: [1]}, requests: 5}}]\n",
        "restartPolicy: [Always]\n",
        "restartPolicy: 1\n",
        "apiVersion: v1\nkind: Pod\nspec: 5\n",
        "apiVersion: v1\nkind: [Pod]\n",
        "apiVersion: 1\nkind: Pod\nmetadata: [x]\n",
        "initContainers: {a: 1}\ncontainers: []\n",
        "containers: &c [{name: a, image: x}]\ninitContainers: *c\n",
        "containers: [{name: primary}]\ncontainers: []\n",
        "kind: [Job\n",
        // Types the API server's decoder rejects.
        "containers: [{name: s, image: x, securityContext: [1], env: 5, resources: [1]}]\n",
        "containers: [{name: primary}]\nvolumes: [{name: 5}]\n",
    };

    public static TheoryData<string> AcceptedShapes => new()
    {
        "containers:\n",
        "containers: []\n",
        "apiVersion: v1\nkind: Pod\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\nspec:\n",
        // Flows replaces the primary's resources, env and command, so their shape does not matter.
        "containers: [{name: primary, resources: [1], env: 7, command: x}]\n",
        "restartPolicy:\nvolumes:\n",
    };

    [Theory]
    [MemberData(nameof(ReportedShapes))]
    public void A_shape_that_is_not_a_pod_is_reported(string yaml)
    {
        var problems = new List<SpecProblem>();

        PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(), yaml, problems.Add);

        Assert.NotEmpty(problems);
    }

    [Theory]
    [MemberData(nameof(AcceptedShapes))]
    public void A_value_the_checker_does_not_inspect_is_passed_through(string yaml)
    {
        var model = PodSpecChecker.Check(VerifyPodTasks.SidecarAttribute(), yaml, _ => { });

        Assert.NotNull(model);
    }
}
