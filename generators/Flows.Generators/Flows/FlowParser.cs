using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Jobs;
using Flows.Generators.Storage;
using Flows.Generators.TaskData;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Generators.Flows;

/// <summary>
/// Turns a flow class into a <see cref="FlowModel"/> and finds everything wrong with it. The generator
/// uses the spec (and emits nothing for a flow with errors); the analyzer reports the diagnostics.
/// </summary>
internal sealed partial class FlowParser
{
    private static readonly SymbolDisplayFormat FullyQualified =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly INamedTypeSymbol _flowType;
    private readonly AttributeData _flowAttribute;
    private readonly Compilation _compilation;
    private readonly KnownTypes _known;
    private readonly Action<Diagnostic>? _report;
    private readonly CancellationToken _cancellationToken;
    private bool _hasErrors;
    private string _flowName = "";
    private readonly JsonTypeCollector _json;
    private readonly DockerStorageModel? _storage;
    private readonly KubernetesJobModel? _kubernetes;

    private FlowParser(INamedTypeSymbol flowType, AttributeData flowAttribute, Compilation compilation, KnownTypes known, Action<Diagnostic>? report, CancellationToken cancellationToken)
    {
        _flowType = flowType;
        _flowAttribute = flowAttribute;
        _compilation = compilation;
        _known = known;
        _report = report;
        _cancellationToken = cancellationToken;
        _json = new JsonTypeCollector(flowType);
        _storage = DockerStorageReader.Read(flowType, compilation);
        _kubernetes = KubernetesAttributeReader.Read(flowType, _storage, compilation);
    }

    /// <param name="report">Receives every diagnostic; null when only the spec is wanted.</param>
    public static FlowModel Parse(INamedTypeSymbol flowType, AttributeData flowAttribute, Compilation compilation, KnownTypes known, Action<Diagnostic>? report, CancellationToken cancellationToken) =>
        new FlowParser(flowType, flowAttribute, compilation, known, report, cancellationToken).Parse();

    /// <summary>The flow's display name as written in [Flow("...")], or null.</summary>
    public static string? ReadFlowName(AttributeData flowAttribute) =>
        flowAttribute.ConstructorArguments.Length == 1 ? flowAttribute.ConstructorArguments[0].Value as string : null;

    private void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments) =>
        Report(descriptor, location, Array.Empty<Location>(), arguments);

    private void Report(DiagnosticDescriptor descriptor, Location? location, IEnumerable<Location> additionalLocations, params object?[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }
        _report?.Invoke(Diagnostic.Create(descriptor, location, additionalLocations, arguments));
    }

    private FlowModel Parse()
    {
        _flowName = ReadFlowName(_flowAttribute) ?? "";
        if (string.IsNullOrWhiteSpace(_flowName))
        {
            Report(DiagnosticDescriptors.InvalidFlowName, AttributeLocations.Of(_flowAttribute, _cancellationToken), _flowType.Name);
        }
        var description = _flowAttribute.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string;

        CheckFlowClass();
        var containingTypes = ReadContainingTypes();

        var methods = ReadTaskMethods();
        if (methods.Count == 0)
        {
            Report(DiagnosticDescriptors.FlowHasNoTasks, _flowType.Locations.FirstOrDefault(), _flowName);
        }
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Count; i++)
        {
            indexByName[methods[i].Method.Name] = i;
        }

        var flowParameters = new List<FlowParameterModel>();
        var flowParameterOwners = new List<string>();
        var upstreamIndexes = new IReadOnlyList<int>[methods.Count];
        var edgeLocations = new Dictionary<(int From, int To), Location?>();
        var tasks = new List<TaskModel>(methods.Count);
        for (var i = 0; i < methods.Count; i++)
        {
            var (method, attribute) = methods[i];
            var edges = new List<TaskEdgeModel>();
            var arguments = ReadArguments(method, methods, indexByName, flowParameters, flowParameterOwners, edges, edgeLocations, i);
            ReadOrderingEdges(method, indexByName, edges, edgeLocations, i);
            upstreamIndexes[i] = edges.Select(e => e.UpstreamIndex).ToList();
            var task = ReadTask(method, attribute, arguments, edges);
            tasks.Add(ReadPod(method, arguments, methods) is { } pod ? task with { Pod = pod } : task);
        }

        CheckTaskKubernetesNames(methods, tasks);
        CheckSecretPlaceholders(methods, tasks, flowParameters);
        var topologicalOrder = OrderTasks(methods, upstreamIndexes, edgeLocations);

        return new FlowModel(
            Namespace: _flowType.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes: containingTypes,
            TypeKeyword: TypeKeyword(_flowType),
            TypeName: _flowType.Name,
            FullyQualifiedTypeName: _flowType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            DisplayTypeName: _flowType.ToDisplayString(),
            Name: _flowName,
            Description: description,
            Tasks: tasks.ToEquatableArray(),
            Parameters: flowParameters.ToEquatableArray(),
            TopologicalOrder: topologicalOrder.ToEquatableArray(),
            HasErrors: _hasErrors)
        {
            Kubernetes = _kubernetes,
            Storage = _storage,
            JsonTypes = _json.Types,
        };
    }

    private void CheckFlowClass()
    {
        for (var type = _flowType; type is not null; type = type.ContainingType)
        {
            if (!IsPartial(type))
            {
                // Reported on the flow class, where the analyzer's symbol action may report it (inside the flow class's declaration);
                // for a containing type, its name is the additional location, where the code fix adds 'partial'.
                var identifier = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.GetLocation()
                    ?? type.Locations.FirstOrDefault();
                var flowIdentifier = _flowType.Locations.FirstOrDefault();
                Report(DiagnosticDescriptors.FlowClassMustBePartial, flowIdentifier,
                    ReferenceEquals(type, _flowType) || identifier is null ? Array.Empty<Location>() : new[] { identifier },
                    _flowType.Name, type.Name);
            }
            if (type.TypeParameters.Length > 0)
            {
                Report(DiagnosticDescriptors.FlowClassNotSupported, _flowType.Locations.FirstOrDefault(), _flowType.Name,
                    ReferenceEquals(type, _flowType) ? "is generic" : $"is inside generic type '{type.Name}'",
                    "a flow is one graph with one set of types, so remove the type parameters");
            }
            if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                Report(DiagnosticDescriptors.FlowClassNotSupported, _flowType.Locations.FirstOrDefault(), _flowType.Name,
                    ReferenceEquals(type, _flowType) ? $"is {AccessibilityText(type.DeclaredAccessibility)}" : $"is inside {AccessibilityText(type.DeclaredAccessibility)} type '{type.Name}'",
                    "the generated entrypoint must reach it, so make it internal or public");
            }
        }
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        _ => "private protected",
    };

    private bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(_cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string TypeKeyword(INamedTypeSymbol type)
    {
        var keyword = type.IsRecord ? (type.IsValueType ? "record struct" : "record") : type.IsValueType ? "struct" : "class";
        return type.IsStatic ? "static partial " + keyword : "partial " + keyword;
    }

    private EquatableArray<ContainingTypeModel> ReadContainingTypes()
    {
        var containing = new List<ContainingTypeModel>();
        for (var type = _flowType.ContainingType; type is not null; type = type.ContainingType)
        {
            containing.Insert(0, new ContainingTypeModel(TypeKeyword(type), type.Name));
        }
        return containing.ToEquatableArray();
    }

    private List<(IMethodSymbol Method, AttributeData Attribute)> ReadTaskMethods()
    {
        var methods = new List<(IMethodSymbol, AttributeData)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in _flowType.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                continue;
            }
            var attribute = method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _known.FlowTaskAttributeType));
            if (attribute is null)
            {
                ReportPodTaskWithoutFlowTask(method);
                continue;
            }
            var location = method.Locations.FirstOrDefault();
            if (!seen.Add(method.Name))
            {
                Report(DiagnosticDescriptors.DuplicateTaskName, location, _flowName, method.Name);
                continue;
            }
            if (!method.IsStatic)
            {
                Report(DiagnosticDescriptors.TaskMethodMustBeStatic, location, method.Name);
            }
            if (method.IsGenericMethod)
            {
                Report(DiagnosticDescriptors.TaskMethodIsGeneric, location, method.Name);
            }
            if (method.IsAsync && method.ReturnsVoid)
            {
                Report(DiagnosticDescriptors.TaskMethodIsAsyncVoid, location, method.Name);
            }
            var unsupportedReturn =
                method.ReturnsByRef || method.ReturnsByRefReadonly ? "it is returned by reference" :
                method.ReturnType.IsRefLikeType ? "it is a ref struct" :
                method.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer ? "it is a pointer" :
                null;
            if (unsupportedReturn is not null)
            {
                Report(DiagnosticDescriptors.TaskReturnTypeNotSupported, location, method.Name, method.ReturnType.ToDisplayString(), unsupportedReturn);
            }
            methods.Add((method, attribute));
        }
        return methods;
    }

    private TaskModel ReadTask(IMethodSymbol method, AttributeData attribute, EquatableArray<TaskArgumentModel> arguments, List<TaskEdgeModel> edges)
    {
        var (kind, resultType) = ClassifyReturn(method);
        var retries = 0;
        double retryDelay = 0, timeout = 0;
        var trigger = "AllSuccessful";
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Retries":
                    retries = named.Value.Value is int r ? r : 0;
                    if (retries < 0)
                    {
                        Report(DiagnosticDescriptors.InvalidTaskOptions, AttributeLocations.OfNamedArgument(attribute, "Retries", _cancellationToken),
                            method.Name, "Retries", retries, "use 0 or more");
                    }
                    break;
                case "RetryDelaySeconds":
                    retryDelay = ReadSeconds(method, attribute, named.Key, named.Value.Value);
                    break;
                case "TimeoutSeconds":
                    timeout = ReadSeconds(method, attribute, named.Key, named.Value.Value);
                    break;
                case "Trigger":
                    var triggerValue = named.Value.Value is int t ? t : 0;
                    if (triggerValue is < 0 or > 4)
                    {
                        Report(DiagnosticDescriptors.InvalidTaskOptions, AttributeLocations.OfNamedArgument(attribute, "Trigger", _cancellationToken),
                            method.Name, "Trigger", triggerValue.ToString(CultureInfo.InvariantCulture), "use one of the TaskTrigger values");
                    }
                    trigger = TriggerName(triggerValue);
                    break;
            }
        }
        return new TaskModel(
            Name: method.Name,
            ReturnKind: kind,
            ResultType: resultType?.ToDisplayString(FullyQualified),
            ResultTypeDisplay: resultType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)),
            Trigger: trigger,
            Retries: Math.Max(0, retries),
            RetryDelayTicks: ToTicks(retryDelay),
            TimeoutTicks: ToTicks(timeout),
            Arguments: arguments,
            Upstream: edges.ToEquatableArray());
    }

    private double ReadSeconds(IMethodSymbol method, AttributeData attribute, string name, object? value)
    {
        var seconds = value is double d ? d : 0;
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            Report(DiagnosticDescriptors.InvalidTaskOptions, AttributeLocations.OfNamedArgument(attribute, name, _cancellationToken),
                method.Name, name, seconds.ToString(CultureInfo.InvariantCulture), "use a finite number of seconds, 0 or more");
            return 0;
        }
        return seconds;
    }

    private static long ToTicks(double seconds) => (long)Math.Round(seconds * TimeSpan.TicksPerSecond);

    private static string TriggerName(int value) => value switch
    {
        1 => "AllFinished",
        2 => "AllFailed",
        3 => "AnySuccessful",
        4 => "AnyFailed",
        _ => "AllSuccessful",
    };

    private (TaskReturnKind Kind, ITypeSymbol? ResultType) ClassifyReturn(IMethodSymbol method) => ClassifyReturn(method, _known);

    /// <summary>How a task returns, and the type of its result (null when it has none). Also used by the code fixes.</summary>
    internal static (TaskReturnKind Kind, ITypeSymbol? ResultType) ClassifyReturn(IMethodSymbol method, KnownTypes known)
    {
        var returnType = method.ReturnType;
        if (method.ReturnsVoid)
        {
            return (TaskReturnKind.Void, null);
        }
        if (returnType is INamedTypeSymbol named)
        {
            if (KnownTypes.Is(named, known.TaskType) && !named.IsGenericType)
            {
                return (TaskReturnKind.Task, null);
            }
            if (KnownTypes.Is(named, known.ValueTaskType) && !named.IsGenericType)
            {
                return (TaskReturnKind.ValueTask, null);
            }
            if (KnownTypes.Is(named, known.TaskOfTType))
            {
                return (TaskReturnKind.TaskOfValue, named.TypeArguments[0]);
            }
            if (KnownTypes.Is(named, known.ValueTaskOfTType))
            {
                return (TaskReturnKind.ValueTaskOfValue, named.TypeArguments[0]);
            }
        }
        return (TaskReturnKind.Value, returnType);
    }

    private EquatableArray<TaskArgumentModel> ReadArguments(
        IMethodSymbol method,
        List<(IMethodSymbol Method, AttributeData Attribute)> methods,
        Dictionary<string, int> indexByName,
        List<FlowParameterModel> flowParameters,
        List<string> flowParameterOwners,
        List<TaskEdgeModel> edges,
        Dictionary<(int From, int To), Location?> edgeLocations,
        int taskIndex)
    {
        var arguments = new List<TaskArgumentModel>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            var location = parameter.Locations.FirstOrDefault();
            if (parameter.RefKind != RefKind.None)
            {
                Report(DiagnosticDescriptors.TaskParameterByReference, location, parameter.Name, method.Name, RefKindText(parameter.RefKind));
            }
            var fromTask = parameter.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _known.FromTaskAttributeType));
            var flowParameter = parameter.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, _known.FlowParameterAttributeType));
            if (fromTask is not null && flowParameter is not null)
            {
                Report(DiagnosticDescriptors.ParameterBoundTwice, location, parameter.Name, method.Name);
                arguments.Add(new TaskArgumentModel(TaskArgumentKind.Upstream, -1));
            }
            else if (fromTask is not null)
            {
                arguments.Add(ReadUpstreamArgument(method, parameter, fromTask, methods, indexByName, edges, edgeLocations, taskIndex));
            }
            else if (flowParameter is not null)
            {
                arguments.Add(ReadFlowParameterArgument(method, parameter, flowParameter, flowParameters, flowParameterOwners));
            }
            else if (SymbolEqualityComparer.Default.Equals(parameter.Type, _known.CancellationTokenType))
            {
                arguments.Add(new TaskArgumentModel(TaskArgumentKind.CancellationToken, -1));
            }
            else if (SymbolEqualityComparer.Default.Equals(parameter.Type, _known.TaskRunContextType))
            {
                arguments.Add(new TaskArgumentModel(TaskArgumentKind.Context, -1));
            }
            else
            {
                Report(DiagnosticDescriptors.UnboundTaskParameter, location, parameter.Name, method.Name);
                arguments.Add(new TaskArgumentModel(TaskArgumentKind.Upstream, -1));
            }
        }
        return arguments.ToEquatableArray();
    }

    private static string RefKindText(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref readonly",
    };

    /// <summary>
    /// FLOW025 when <paramref name="upstreamName"/> names a method of the flow class that lacks [FlowTask] (with what to change
    /// when it cannot be a task as it is), else FLOW010.
    /// </summary>
    private void ReportUnknownUpstream(string? upstreamName, Location? location, bool needsResult)
    {
        var candidates = upstreamName is null ? new List<IMethodSymbol>() : NonTaskMethods(_flowType, upstreamName, _known);
        if (candidates.Count == 0)
        {
            Report(DiagnosticDescriptors.UnknownUpstreamTask, location, _flowName, upstreamName ?? "(null)", _flowType.Name);
            return;
        }
        var obstacles = TaskObstacles(candidates, needsResult, _known);
        var advice = obstacles is null
            ? "add [FlowTask] to it"
            : $"it cannot be a task as it is, because it {obstacles}: change that and add [FlowTask] to it, or name one of the flow's tasks";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(CanBecomeTaskProperty, obstacles is null ? "true" : "false");
        _hasErrors = true;
        _report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.UpstreamIsNotATask, location, properties, upstreamName, _flowType.Name, advice));
    }

    /// <summary>FLOW025's property: "true" when adding [FlowTask] to the method makes it a valid upstream task (the code fix's condition).</summary>
    internal const string CanBecomeTaskProperty = "CanBecomeTask";

    /// <summary>The ordinary methods named <paramref name="name"/> of <paramref name="flowType"/> that have no [FlowTask].</summary>
    internal static List<IMethodSymbol> NonTaskMethods(INamedTypeSymbol flowType, string name, KnownTypes known) =>
        flowType.GetMembers(name).OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && !m.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.FlowTaskAttributeType)))
            .ToList();

    /// <summary>
    /// Why the method <paramref name="candidates"/> (its overloads) could not be an upstream task once marked [FlowTask], as words
    /// that follow "it" ("is not static and is generic"); null when it could.
    /// </summary>
    internal static string? TaskObstacles(IReadOnlyList<IMethodSymbol> candidates, bool needsResult, KnownTypes known)
    {
        if (candidates.Count > 1)
        {
            return $"has {candidates.Count} overloads, and a task's name must be unique";
        }
        var method = candidates[0];
        var obstacles = new List<string>();
        if (!method.IsStatic)
        {
            obstacles.Add("is not static");
        }
        if (method.IsGenericMethod)
        {
            obstacles.Add("is generic");
        }
        if (method.IsAsync && method.ReturnsVoid)
        {
            obstacles.Add("is async void");
        }
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || method.ReturnType.IsRefLikeType || method.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            obstacles.Add($"returns '{method.ReturnType.ToDisplayString()}', which cannot be a task result");
        }
        else if (needsResult && ClassifyReturn(method, known).ResultType is null)
        {
            obstacles.Add("returns no result for [FromTask] to pass on");
        }
        if (method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            obstacles.Add("has a ref, out or in parameter");
        }
        return obstacles.Count == 0 ? null : string.Join(" and ", obstacles);
    }

    private TaskArgumentModel ReadUpstreamArgument(
        IMethodSymbol method,
        IParameterSymbol parameter,
        AttributeData fromTask,
        List<(IMethodSymbol Method, AttributeData Attribute)> methods,
        Dictionary<string, int> indexByName,
        List<TaskEdgeModel> edges,
        Dictionary<(int From, int To), Location?> edgeLocations,
        int taskIndex)
    {
        var upstreamName = fromTask.ConstructorArguments.Length == 1 ? fromTask.ConstructorArguments[0].Value as string : null;
        var location = AttributeLocations.OfConstructorArgument(fromTask, 0, 1, _cancellationToken);
        if (upstreamName is null || !indexByName.TryGetValue(upstreamName, out var upstreamIndex))
        {
            ReportUnknownUpstream(upstreamName, location, needsResult: true);
            return new TaskArgumentModel(TaskArgumentKind.Upstream, -1);
        }
        var upstream = methods[upstreamIndex].Method;
        var (_, resultType) = ClassifyReturn(upstream);
        if (resultType is null)
        {
            Report(DiagnosticDescriptors.UpstreamHasNoResult, location, parameter.Name, method.Name, upstream.Name);
        }
        else if (parameter.Type.TypeKind != TypeKind.Error && resultType.TypeKind != TypeKind.Error
            && !_compilation.ClassifyConversion(resultType, parameter.Type).IsImplicit)
        {
            Report(DiagnosticDescriptors.UpstreamResultTypeMismatch, location, parameter.Name, method.Name,
                parameter.Type.ToDisplayString(), upstream.Name, resultType.ToDisplayString());
        }
        else if (resultType.IsReferenceType && resultType.NullableAnnotation == NullableAnnotation.Annotated
            && parameter.Type.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            Report(DiagnosticDescriptors.NullableResultToNonNullableParameter, location, parameter.Name, method.Name,
                parameter.Type.ToDisplayString(), upstream.Name, resultType.ToDisplayString());
        }
        edges.Add(new TaskEdgeModel(upstreamIndex, IsData: true, parameter.Name));
        if (!edgeLocations.ContainsKey((upstreamIndex, taskIndex)))
        {
            edgeLocations[(upstreamIndex, taskIndex)] = location;
        }
        return new TaskArgumentModel(TaskArgumentKind.Upstream, upstreamIndex);
    }

    private TaskArgumentModel ReadFlowParameterArgument(
        IMethodSymbol method,
        IParameterSymbol parameter,
        AttributeData attribute,
        List<FlowParameterModel> flowParameters,
        List<string> flowParameterOwners)
    {
        var name = (attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null) ?? parameter.Name;
        var description = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string;
        var isSecret = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Secret").Value.Value is true;
        var location = parameter.Locations.FirstOrDefault();
        var type = parameter.Type;
        // int? and Region? are parsed as int and Region; the generated code parses the type without its '?'.
        var isEnum = ParsedType(type).TypeKind == TypeKind.Enum;
        if (!IsSupportedFlowParameterType(type, _known) && type.TypeKind != TypeKind.Error)
        {
            Report(DiagnosticDescriptors.UnsupportedFlowParameterType, location, name, type.ToDisplayString());
        }
        var (defaultExpression, defaultDisplay) = ReadDefault(parameter);
        var spec = new FlowParameterModel(
            Name: name,
            Type: type.ToDisplayString(FullyQualified),
            TypeDisplay: type.ToDisplayString(),
            IsEnum: isEnum,
            DefaultExpression: defaultExpression,
            DefaultDisplay: defaultDisplay,
            Description: description,
            IsSecret: isSecret);

        for (var i = 0; i < flowParameters.Count; i++)
        {
            var existing = flowParameters[i];
            if (existing.Name != name)
            {
                continue;
            }
            if (existing.Type != spec.Type || existing.DefaultExpression != spec.DefaultExpression)
            {
                Report(DiagnosticDescriptors.ConflictingFlowParameter, location, name, Describe(spec), Describe(existing), flowParameterOwners[i]);
            }
            else
            {
                // One task marking the shared parameter secret makes it secret for all: a value is never less secret than its most careful user says.
                flowParameters[i] = existing with { Description = existing.Description ?? description, IsSecret = existing.IsSecret || isSecret };
            }
            return new TaskArgumentModel(TaskArgumentKind.FlowParameter, i);
        }
        flowParameters.Add(spec);
        flowParameterOwners.Add(method.Name);
        return new TaskArgumentModel(TaskArgumentKind.FlowParameter, flowParameters.Count - 1);
    }

    private static string Describe(FlowParameterModel spec) =>
        spec.DefaultDisplay is null ? spec.TypeDisplay + " (required)" : $"{spec.TypeDisplay} = {spec.DefaultDisplay}";

    /// <summary>The type a flow parameter's value is parsed as: int for int?, Region for Region?.</summary>
    private static ITypeSymbol ParsedType(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>Whether a flow parameter can have this type: an enum or an IParsable&lt;T&gt;, or one of these made nullable. Also used by the code fixes.</summary>
    internal static bool IsSupportedFlowParameterType(ITypeSymbol type, KnownTypes known)
    {
        var parsed = ParsedType(type);
        return parsed.TypeKind == TypeKind.Enum || IsParsable(parsed, known);
    }

    private static bool IsParsable(ITypeSymbol type, KnownTypes known)
    {
        if (known.ParsableType is null)
        {
            return type.SpecialType == SpecialType.System_String;
        }
        var self = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        return type.AllInterfaces.Any(i =>
            SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.ParsableType)
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated), self));
    }

    private static (string? Expression, string? Display) ReadDefault(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return (null, null);
        }
        var value = parameter.ExplicitDefaultValue;
        var type = parameter.Type;
        var nullableOf = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : null;
        if (value is null)
        {
            // Typed, so that 'parsed ? int : null' in the generated code is an int? and not an int 0.
            return type.IsReferenceType ? ("null", "null")
                : nullableOf is not null ? ($"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})null", "null")
                : ("default", "default");
        }
        type = nullableOf ?? type;
        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            var fullyQualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return member is not null
                ? ($"{fullyQualified}.{GeneratedCode.Identifier(member.Name)}", $"{type.Name}.{member.Name}")
                : ($"({fullyQualified})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})", value.ToString());
        }
        var literal = value switch
        {
            double d when double.IsNaN(d) => "global::System.Double.NaN",
            double d when double.IsPositiveInfinity(d) => "global::System.Double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "global::System.Double.NegativeInfinity",
            float f when float.IsNaN(f) => "global::System.Single.NaN",
            float f when float.IsPositiveInfinity(f) => "global::System.Single.PositiveInfinity",
            float f when float.IsNegativeInfinity(f) => "global::System.Single.NegativeInfinity",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
            uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
            _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
        };
        var expression = value is string or bool or int or char ? literal : $"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({literal})";
        var display = value is bool b ? (b ? "true" : "false") : SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
        return (expression, display);
    }

    private void ReadOrderingEdges(
        IMethodSymbol method,
        Dictionary<string, int> indexByName,
        List<TaskEdgeModel> edges,
        Dictionary<(int From, int To), Location?> edgeLocations,
        int taskIndex)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (!KnownTypes.Is(attribute.AttributeClass, _known.DependsOnAttributeType) || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }
            var names = attribute.ConstructorArguments[0];
            // [DependsOn(null)] passes a null array, whose Values is a default ImmutableArray.
            if (names.Kind != TypedConstantKind.Array || names.IsNull)
            {
                continue;
            }
            for (var position = 0; position < names.Values.Length; position++)
            {
                var upstreamName = names.Values[position].Value as string;
                var location = AttributeLocations.OfConstructorArgument(attribute, position, names.Values.Length, _cancellationToken);
                if (upstreamName is null || !indexByName.TryGetValue(upstreamName, out var upstreamIndex))
                {
                    ReportUnknownUpstream(upstreamName, location, needsResult: false);
                    continue;
                }
                if (!edgeLocations.ContainsKey((upstreamIndex, taskIndex)))
                {
                    edgeLocations[(upstreamIndex, taskIndex)] = location;
                }
                if (!edges.Any(e => e.UpstreamIndex == upstreamIndex))
                {
                    edges.Add(new TaskEdgeModel(upstreamIndex, IsData: false, ParameterName: null));
                }
            }
        }
    }

    private List<int> OrderTasks(
        List<(IMethodSymbol Method, AttributeData Attribute)> methods,
        IReadOnlyList<int>[] upstreamIndexes,
        Dictionary<(int From, int To), Location?> edgeLocations)
    {
        if (TaskGraph.TryOrder(methods.Count, upstreamIndexes, out var order))
        {
            return order;
        }
        foreach (var cycle in TaskGraph.FindCycles(methods.Count, upstreamIndexes, order))
        {
            var text = string.Join(" -> ", cycle.Concat(new[] { cycle[0] }).Select(i => methods[i].Method.Name));
            // Point at the dependency that closes the cycle into its first task.
            var closing = (cycle[cycle.Count - 1], cycle[0]);
            edgeLocations.TryGetValue(closing, out var location);
            Report(DiagnosticDescriptors.TaskGraphCycle, location ?? methods[cycle[0]].Method.Locations.FirstOrDefault(), _flowName, text);
        }
        return order;
    }
}
