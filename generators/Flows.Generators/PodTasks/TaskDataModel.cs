using Flows.Generators.Core;
using Flows.Generators.TaskData;

namespace Flows.Generators.PodTasks;

/// <summary>One data input of a pod task that crosses into its pod: an upstream result or a flow parameter.</summary>
/// <param name="JsonTypeInfo">The generated JsonTypeInfo property for the value's type (see <see cref="JsonTypeCollector"/>).</param>
internal sealed record TaskDataModel(string ParameterName, TaskArgumentKind Kind, int Index, string Type, string JsonTypeInfo);
