using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.Flows;

/// <summary>Topological ordering and cycle finding for a flow's tasks.</summary>
internal static class TaskGraph
{
    /// <summary>
    /// Kahn's algorithm, always taking the ready task declared first, so the order is stable.
    /// Returns false when some tasks are on or behind a cycle; <paramref name="order"/> then holds the tasks that could be ordered.
    /// </summary>
    public static bool TryOrder(int count, IReadOnlyList<int>[] upstream, out List<int> order)
    {
        var waitingFor = new int[count];
        var downstream = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            downstream[i] = new List<int>();
        }
        for (var task = 0; task < count; task++)
        {
            foreach (var from in upstream[task].Distinct())
            {
                waitingFor[task]++;
                downstream[from].Add(task);
            }
        }
        var ready = new SortedSet<int>(Enumerable.Range(0, count).Where(i => waitingFor[i] == 0));
        order = new List<int>(count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var to in downstream[next])
            {
                if (--waitingFor[to] == 0)
                {
                    ready.Add(to);
                }
            }
        }
        return order.Count == count;
    }

    /// <summary>The distinct cycles among the tasks that could not be ordered, each in execution order (upstream first).</summary>
    public static List<List<int>> FindCycles(int count, IReadOnlyList<int>[] upstream, IReadOnlyCollection<int> ordered)
    {
        var remaining = new HashSet<int>(Enumerable.Range(0, count).Except(ordered));
        var covered = new HashSet<int>();
        var cycles = new List<List<int>>();
        var seenCycles = new HashSet<string>();
        foreach (var start in remaining.OrderBy(i => i))
        {
            if (covered.Contains(start))
            {
                continue;
            }
            // Walk upstream inside the unordered tasks: every one of them has an unordered upstream, so the walk must repeat a task.
            var path = new List<int>();
            var positions = new Dictionary<int, int>();
            var current = start;
            while (!positions.ContainsKey(current))
            {
                positions[current] = path.Count;
                path.Add(current);
                covered.Add(current);
                current = upstream[current].Where(remaining.Contains).Min();
            }
            var cycle = path.Skip(positions[current]).Reverse().ToList();
            var rotation = cycle.IndexOf(cycle.Min());
            cycle = cycle.Skip(rotation).Concat(cycle.Take(rotation)).ToList();
            if (seenCycles.Add(string.Join(",", cycle)))
            {
                cycles.Add(cycle);
            }
        }
        return cycles;
    }
}
