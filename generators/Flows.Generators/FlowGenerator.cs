using System.Linq;
using Flows.Generators.Catalog;
using Flows.Generators.Core;
using Flows.Generators.Flows;
using Flows.Generators.Jobs;
using Flows.Generators.Kubernetes;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis;

namespace Flows.Generators;

/// <summary>
/// Emits, for every <c>[Flow]</c> class, its graph, typed executor and <c>RunAsync</c>; for the
/// assembly, a registration of its flows and (with <c>FlowsGenerateEntryPoint</c>) a console entrypoint.
/// Diagnostics are the analyzer's job: a flow with errors is left out here.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FlowGenerator : IIncrementalGenerator
{
    public static class StepNames
    {
        public const string FlowModels = nameof(FlowModels);
        public const string ValidFlowModels = nameof(ValidFlowModels);
        public const string FlowReferences = nameof(FlowReferences);
        public const string EntryPointEnabled = nameof(EntryPointEnabled);
        public const string JobSpecFiles = nameof(JobSpecFiles);
        public const string FlowsWithPodErrors = nameof(FlowsWithPodErrors);
        public const string ProjectDirectory = nameof(ProjectDirectory);
        public const string FlowsWithJobs = nameof(FlowsWithJobs);
        public const string CommandLineExtensions = nameof(CommandLineExtensions);
        public const string ContainerTasks = nameof(ContainerTasks);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var flowSpecs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.FlowAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) =>
                {
                    var compilation = syntaxContext.SemanticModel.Compilation;
                    var flowType = (INamedTypeSymbol)syntaxContext.TargetSymbol;
                    return FlowParser.Parse(flowType, syntaxContext.Attributes[0], compilation,
                        new KnownTypes(compilation), report: null, cancellationToken);
                })
            .WithTrackingName(StepNames.FlowModels);

        var validFlowSpecs = flowSpecs
            .Where(static flow => !flow.HasErrors)
            .WithTrackingName(StepNames.ValidFlowModels);

        var jobSpecFiles = context.AdditionalTextsProvider
            .Where(static file => JobSpecFiles.IsYaml(file.Path))
            .Select(static (file, cancellationToken) => new AdditionalYamlFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? ""))
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray())
            .WithTrackingName(StepNames.JobSpecFiles);

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildProperties.ProjectPaths(options.GlobalOptions))
            .WithTrackingName(StepNames.ProjectDirectory);

        var flowsWithJobs = validFlowSpecs
            .Combine(jobSpecFiles)
            .Combine(projectDirectory)
            .Select(static (input, cancellationToken) =>
            {
                var ((flow, files), project) = input;
                var (pods, podErrors) = PodTaskChecks.Check(flow.Tasks.Select(task => task.Pod).ToList(), files, project.Directory, cancellationToken);
                if (flow.Kubernetes is not { } kubernetes)
                {
                    return new FlowWithJob(flow, null, project.File) { Pods = pods, HasPodErrors = podErrors };
                }
                var text = kubernetes.JobSpecFile is null ? null : JobSpecFiles.Find(files, f => f.Path, project.Directory, kubernetes.JobSpecFile)?.Text;
                return new FlowWithJob(flow, JobSpecChecker.Check(kubernetes, flow.Name, flow.TypeName, text, report: null, cancellationToken), project.File) { Pods = pods, HasPodErrors = podErrors };
            })
            .WithTrackingName(StepNames.FlowsWithJobs);

        context.RegisterSourceOutput(flowsWithJobs, static (output, input) =>
        {
            if (!input.HasPodErrors)
            {
                output.AddSource(HintName(input.Flow), FlowEmitter.Emit(input.Flow, input.Job, input.ProjectFile, input.Pods));
            }
        });

        // Every flow, errors or not: a container task without its implementation stops the compiler before the analyzers.
        var containerTasks = flowSpecs
            .Select(static (flow, _) => ContainerTaskEmitter.HasContainerTasks(flow) ? flow : null)
            .WithTrackingName(StepNames.ContainerTasks);
        context.RegisterSourceOutput(containerTasks, static (output, flow) =>
        {
            if (flow is not null)
            {
                output.AddSource(HintName(flow).Replace(".Flow.g.cs", ".ContainerTasks.g.cs"), ContainerTaskEmitter.Emit(flow));
            }
        });

        var commandLineExtensions = context.CompilationProvider
            .Select(static (compilation, _) => EntryPointEmitter.KnownCommandLineExtensions
                .Where(name => compilation.GetTypeByMetadataName(name) is not null)
                .ToEquatableArray())
            .WithTrackingName(StepNames.CommandLineExtensions);

        // A flow whose pod specs have errors gets no Definition (above), so the registration must leave it out too.
        var flowsWithPodErrors = flowsWithJobs
            .Where(static flow => flow.HasPodErrors)
            .Select(static (flow, _) => flow.Flow.FullyQualifiedTypeName)
            .Collect()
            .Select(static (names, _) => names.ToEquatableArray())
            .WithTrackingName(StepNames.FlowsWithPodErrors);
        var flowReferences = flowSpecs
            .Select(static (flow, _) => new FlowReference(flow.FullyQualifiedTypeName, flow.HasErrors))
            .Collect()
            .Combine(flowsWithPodErrors)
            .Select(static (input, _) => input.Left
                .Select(flow => flow.HasErrors || !input.Right.Contains(flow.FullyQualifiedTypeName) ? flow : flow with { HasErrors = true })
                .ToEquatableArray())
            .WithTrackingName(StepNames.FlowReferences);

        var entryPointEnabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildProperties.GenerateEntryPoint(options.GlobalOptions))
            .WithTrackingName(StepNames.EntryPointEnabled);

        context.RegisterSourceOutput(flowReferences.Combine(entryPointEnabled).Combine(commandLineExtensions), static (output, input) =>
        {
            var ((flows, entryPoint), extensions) = input;
            if (flows.Count == 0 && !entryPoint)
            {
                return;
            }
            output.AddSource("Flows.Registration.g.cs", RegistrationEmitter.Emit(flows.ToList()));
            if (entryPoint)
            {
                output.AddSource("Flows.EntryPoint.g.cs", EntryPointEmitter.Emit(extensions));
            }
        });
    }

    private static string HintName(FlowModel flow) =>
        // Without the @ of an escaped keyword (Samples.@event), which a hint name cannot hold.
        flow.FullyQualifiedTypeName.Replace("global::", "").Replace("@", "").Replace('<', '_').Replace('>', '_') + ".Flow.g.cs";
}
