using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>Every diagnostic Flows reports. Each has a page in docs/diagnostics.md.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "Flows";
    /// <summary>docs/diagnostics.md in the repository, one section per ID: absolute, so that the IDE can open it.</summary>
    public const string HelpPage = "https://github.com/flows-dotnet/flows/blob/main/docs/diagnostics.md";

    // GitHub's anchor for the heading "## FLOW001" is "#flow001".
    private static string HelpLink(string id) => HelpPage + "#" + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string title, string message, params string[] tags) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id), customTags: tags);

    private static DiagnosticDescriptor Info(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    public static readonly DiagnosticDescriptor FlowClassMustBePartial = Error("FLOW001",
        "A flow class must be partial",
        "Flow class '{0}' must be partial, and so must every type that contains it: add the 'partial' modifier to '{1}'");

    public static readonly DiagnosticDescriptor TaskMethodMustBeStatic = Error("FLOW002",
        "A task method must be static",
        "Task '{0}' must be static: add the 'static' modifier (tasks share no instance; pass data between them with [FromTask])");

    public static readonly DiagnosticDescriptor TaskMethodIsGeneric = Error("FLOW003",
        "A task method cannot be generic",
        "Task '{0}' cannot be generic: remove its type parameters, since the flow cannot choose type arguments for it");

    public static readonly DiagnosticDescriptor TaskParameterByReference = Error("FLOW004",
        "A task parameter cannot be ref, out or in",
        "Parameter '{0}' of task '{1}' is passed by reference ({2}): pass it by value, and return results instead of writing them to out parameters");

    public static readonly DiagnosticDescriptor TaskMethodIsAsyncVoid = Error("FLOW005",
        "A task method cannot be async void",
        "Task '{0}' is async void, so the flow cannot wait for it or see its failure: return Task instead");

    public static readonly DiagnosticDescriptor FlowClassNotSupported = Error("FLOW006",
        "This flow class cannot be generated",
        "Flow class '{0}' {1}: {2}");

    public static readonly DiagnosticDescriptor TaskReturnTypeNotSupported = Error("FLOW007",
        "A task's return type is not supported",
        "Task '{0}' returns '{1}', which cannot be kept as a task result ({2}): return a regular type, Task, Task<T>, ValueTask or ValueTask<T>");

    public static readonly DiagnosticDescriptor UnknownUpstreamTask = Error("FLOW010",
        "Unknown upstream task",
        "Flow '{0}' has no task named '{1}': name a method of '{2}' marked [FlowTask], written nameof(Method)");

    public static readonly DiagnosticDescriptor TaskGraphCycle = Error("FLOW011",
        "The tasks form a cycle",
        "Tasks of flow '{0}' form a cycle: {1}. Remove one of these dependencies.");

    public static readonly DiagnosticDescriptor UpstreamResultTypeMismatch = Error("FLOW012",
        "Upstream result type does not match the parameter",
        "Parameter '{0}' of task '{1}' is '{2}', but upstream task '{3}' returns '{4}', which does not convert to it: change the parameter's type or bind another task");

    public static readonly DiagnosticDescriptor UpstreamHasNoResult = Error("FLOW013",
        "Upstream task has no result",
        "Parameter '{0}' of task '{1}' is bound to '{2}', which returns no result: return a value from '{2}', or order the tasks with [DependsOn(nameof({2}))] instead");

    public static readonly DiagnosticDescriptor DuplicateTaskName = Error("FLOW014",
        "Duplicate task name",
        "Flow '{0}' already has a task named '{1}': task names are method names, so give this overload another name");

    public static readonly DiagnosticDescriptor DuplicateFlowName = Error("FLOW015",
        "Duplicate flow name",
        "Flow name '{0}' is also used by '{1}': give each flow of a project its own name",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnboundTaskParameter = Error("FLOW016",
        "A task parameter gets no value",
        "Parameter '{0}' of task '{1}' gets no value: bind it to an upstream task with [FromTask(nameof(Task))], make it a flow parameter with [FlowParameter], or make it a CancellationToken or TaskRunContext");

    public static readonly DiagnosticDescriptor UnsupportedFlowParameterType = Error("FLOW017",
        "Unsupported flow parameter type",
        "Flow parameter '{0}' has type '{1}', which cannot be parsed from the command line: use a type that implements IParsable<T> (string, int, double, bool, Guid, DateTime, TimeSpan, ...) or an enum");

    public static readonly DiagnosticDescriptor ConflictingFlowParameter = Error("FLOW018",
        "Conflicting flow parameter declarations",
        "Flow parameter '{0}' is declared as '{1}' here but as '{2}' on task '{3}': tasks that share a flow parameter must give it the same type and default value");

    public static readonly DiagnosticDescriptor ParameterBoundTwice = Error("FLOW019",
        "A task parameter has two sources",
        "Parameter '{0}' of task '{1}' is both bound to a task and a flow parameter: keep either [FromTask] or [FlowParameter]");

    public static readonly DiagnosticDescriptor InvalidTaskOptions = Error("FLOW020",
        "Invalid task options",
        "Task '{0}' has {1} = {2}: {3}");

    public static readonly DiagnosticDescriptor InvalidFlowName = Error("FLOW021",
        "Invalid flow name",
        "The name of flow '{0}' is empty: give [Flow] a display name, e.g. [Flow(\"Nightly import\")]");

    public static readonly DiagnosticDescriptor FlowHasNoTasks = Warning("FLOW022",
        "A flow has no tasks",
        "Flow '{0}' has no tasks: mark its static methods with [FlowTask]");

    public static readonly DiagnosticDescriptor TaskOutsideFlow = Warning("FLOW023",
        "A task outside a flow class",
        "Method '{0}' is marked [FlowTask], but '{1}' is not marked [Flow], so it is not part of any flow: add [Flow(\"name\")] to '{1}' or move the method into a flow class");

    public static readonly DiagnosticDescriptor NullableResultToNonNullableParameter = Warning("FLOW024",
        "A nullable result is bound to a non-nullable parameter",
        "Parameter '{0}' of task '{1}' is '{2}', but upstream task '{3}' returns '{4}', which may be null: declare the parameter '{4}', or return a non-null value from '{3}'");

    public static readonly DiagnosticDescriptor UpstreamIsNotATask = Error("FLOW025",
        "Upstream method is not a task",
        "'{0}' is a method of flow class '{1}' but not a task: {2}");
}
