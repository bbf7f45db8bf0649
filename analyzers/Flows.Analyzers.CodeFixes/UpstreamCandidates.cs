using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flows.Generators.Core;
using Flows.Generators.Flows;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flows.Analyzers.CodeFixes;

/// <summary>Which tasks an unbound parameter could evidently be bound to.</summary>
internal static class UpstreamCandidates
{
    /// <summary>
    /// Among the tasks of the flow whose result converts to the parameter's type (leaving out the task itself and
    /// the tasks after it, which would make a cycle): those named like the parameter (ignoring case), else the only one.
    /// </summary>
    public static IReadOnlyList<string> For(UnboundParameter parameter, CancellationToken cancellationToken)
    {
        var flow = FlowParser.Parse(parameter.Flow, parameter.FlowAttribute, parameter.Compilation, parameter.Known, report: null, cancellationToken);
        var downstream = Downstream(flow.Tasks.Select(t => t.Upstream.Select(u => u.UpstreamIndex).ToList()).ToList(),
            flow.Tasks.Select(t => t.Name).ToList().IndexOf(parameter.TaskMethod.Name));

        var candidates = new List<string>();
        for (var i = 0; i < flow.Tasks.Count; i++)
        {
            if (downstream.Contains(i))
            {
                continue;
            }
            var method = parameter.Flow.GetMembers(flow.Tasks[i].Name).OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, parameter.Known.FlowTaskAttributeType)));
            var resultType = method is null ? null : FlowParser.ClassifyReturn(method, parameter.Known).ResultType;
            if (resultType is not null && parameter.Compilation.ClassifyConversion(resultType, parameter.Symbol.Type).IsImplicit)
            {
                candidates.Add(flow.Tasks[i].Name);
            }
        }
        var named = candidates.Where(name => string.Equals(name, parameter.Symbol.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count > 0 ? named : candidates.Count == 1 ? candidates : Array.Empty<string>();
    }

    /// <summary>The task at <paramref name="start"/> and every task that runs after it.</summary>
    private static HashSet<int> Downstream(List<List<int>> upstream, int start)
    {
        var found = new HashSet<int>();
        if (start < 0)
        {
            return found;
        }
        var pending = new Stack<int>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var task = pending.Pop();
            if (!found.Add(task))
            {
                continue;
            }
            for (var i = 0; i < upstream.Count; i++)
            {
                if (upstream[i].Contains(task))
                {
                    pending.Push(i);
                }
            }
        }
        return found;
    }
}
