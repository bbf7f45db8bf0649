using System.Linq;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures.Parameters;

namespace Flows.Runtime.Tests;

public class ParameterTests
{
    private static Task<FlowRunResult> Run(params (string Name, string Value)[] parameters) =>
        Outer.ParameterFlow.RunAsync(new FlowRunOptions { Parameters = FlowParameterValues.From(parameters) });

    [Fact]
    public async Task Defaults_are_used_for_parameters_that_are_not_given()
    {
        var result = await Run(("target", "moon"));

        Assert.Equal("moon|world|3|Green", result["Describe"].Result);
        Assert.Equal(6, result["Twice"].Result);
    }

    [Fact]
    public async Task Given_values_are_parsed_to_the_parameter_types_and_shared_between_tasks()
    {
        var result = await Run(("target", "mars"), ("name", "Ada"), ("count", "7"), ("color", "blue"));

        Assert.Equal("mars|Ada|7|Blue", result["Describe"].Result);
        Assert.Equal(14, result["Twice"].Result);
    }

    [Theory]
    [InlineData("count", "seven")]
    [InlineData("count", "99999999999")]
    [InlineData("color", "Purple")]
    [InlineData("color", "5")]
    public async Task A_bad_value_throws_FlowParameterException_before_any_task_runs(string name, string value)
    {
        var states = 0;
        var error = await Assert.ThrowsAsync<FlowParameterException>(() => Outer.ParameterFlow.RunAsync(new FlowRunOptions
        {
            Parameters = FlowParameterValues.From(("target", "x"), (name, value)),
            OnTaskStateChanged = _ => states++,
        }));

        Assert.Equal(name, error.ParameterName);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Equal(0, states);
    }

    [Fact]
    public async Task A_missing_required_parameter_throws_FlowParameterException()
    {
        var error = await Assert.ThrowsAsync<FlowParameterException>(() => Run(("name", "Ada")));

        Assert.Equal("target", error.ParameterName);
        Assert.Contains("--param target=VALUE", error.Message);
    }

    [Fact]
    public void The_definition_describes_each_parameter_once()
    {
        var parameters = Outer.ParameterFlow.Definition.Parameters;

        Assert.Equal(["target", "name", "count", "color"], parameters.Select(p => p.Name));
        Assert.Equal(new FlowParameterDefinition("target", "string", true, null, "Where to send it"), parameters[0]);
        Assert.Equal(new FlowParameterDefinition("name", "string", false, "\"world\"", null), parameters[1]);
        Assert.Equal(new FlowParameterDefinition("count", "int", false, "3", null), parameters[2]);
        Assert.Equal("Color.Green", parameters[3].DefaultValueText);
        Assert.Equal("Flows.Runtime.Tests.Fixtures.Parameters.Outer.ParameterFlow", Outer.ParameterFlow.Definition.TypeName);
    }
}
