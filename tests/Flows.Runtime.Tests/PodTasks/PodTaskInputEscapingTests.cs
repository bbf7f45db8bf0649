using System.Text.Json;
using System.Text.Json.Nodes;
using Flows.Manifests;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>
/// A container task's inputs pasted into its args and env: the kubelet expands <c>$(NAME)</c> there, so an input's <c>$</c>
/// is written as <c>$$</c>, which the kubelet turns back into one <c>$</c>. What the user wrote in the template is kept.
/// </summary>
public class PodTaskInputEscapingTests
{
    private const string Hostile = "$(FLOWS__CONTEXT__TASK_NAME) $(id) `id` $HOME \"; id; echo \"";

    [Fact]
    public void An_inputs_dollar_signs_are_doubled_in_args_and_env()
    {
        var inputs = new JsonObject { ["message"] = Hostile, ["count"] = 3 }.ToJsonString();
        var rendered = RenderedPod.For(nameof(PodTaskFlow.Shout), inputs);

        var escaped = "$$(FLOWS__CONTEXT__TASK_NAME) $$(id) `id` $$HOME \"; id; echo \"";
        Assert.Equal(JsonSerializer.Serialize(new[] { escaped + " 3 {braces}" }), rendered.Container("task")["args"]!.ToJsonString());
        Assert.Equal(escaped, rendered.Env("task", "MESSAGE"));
    }

    [Fact]
    public void A_non_string_input_is_its_json_escaped_the_same_way()
    {
        var run = RenderedPod.For(nameof(PodTaskFlow.Shout), new JsonObject { ["message"] = new JsonObject { ["cost"] = "$5" }, ["count"] = 1 }.ToJsonString()).Run;

        Assert.Equal("""{"cost":"$$5"}""", PodTaskPatching.ExpandInputs("{message}", run));
    }

    [Fact]
    public void The_templates_own_variable_references_are_left_for_the_kubelet()
    {
        var run = RenderedPod.For(nameof(PodTaskFlow.Shout), """{"message":"$(X)","count":1}""").Run;

        Assert.Equal("$(POD_NAME)/$$(X)", PodTaskPatching.ExpandInputs("$(POD_NAME)/{message}", run));
    }
}
