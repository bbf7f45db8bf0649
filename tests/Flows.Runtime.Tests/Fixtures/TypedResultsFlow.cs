using System.Threading.Tasks;

namespace Flows.Runtime.Tests.Fixtures;

internal sealed record Container(string Id, int Port);

/// <summary>Results handed over with their static types: int to a long parameter, a record, Task&lt;T&gt; and ValueTask&lt;T&gt;.</summary>
[Flow("typed results")]
internal static partial class TypedResultsFlow
{
    [FlowTask]
    public static int Count() => 40;

    [FlowTask]
    public static long Widen([FromTask(nameof(Count))] long total) => total + 2;

    [FlowTask]
    public static async Task<Container> Create()
    {
        await Task.Yield();
        return new Container("c-1", 8080);
    }

    [FlowTask]
    public static async ValueTask<string> Describe([FromTask(nameof(Create))] Container container, [FromTask(nameof(Widen))] long total)
    {
        await Task.Yield();
        return $"{container.Id}:{container.Port}:{total}";
    }

    [FlowTask]
    [DependsOn(nameof(Describe))]
    public static ValueTask Nothing() => default;
}
