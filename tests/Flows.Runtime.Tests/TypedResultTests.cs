using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;

namespace Flows.Runtime.Tests;

public class TypedResultTests
{
    [Fact]
    public async Task Results_keep_their_static_types_across_edges()
    {
        var result = await TypedResultsFlow.RunAsync();

        Assert.True(result.IsSuccess);
        Assert.Equal(40, Assert.IsType<int>(result["Count"].Result));
        Assert.Equal(42L, Assert.IsType<long>(result["Widen"].Result));
        Assert.Equal(new Container("c-1", 8080), result["Create"].Result);
        Assert.Equal("c-1:8080:42", result["Describe"].Result);
        Assert.Null(result["Nothing"].Result);
    }

    [Fact]
    public void The_definition_names_the_result_types()
    {
        var definition = TypedResultsFlow.Definition;

        Assert.Equal("long", definition.GetTask("Widen").ResultTypeName);
        Assert.Equal("Container", definition.GetTask("Create").ResultTypeName);
        Assert.Equal("string", definition.GetTask("Describe").ResultTypeName);
        Assert.Null(definition.GetTask("Nothing").ResultTypeName);
    }
}
