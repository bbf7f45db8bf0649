namespace Flows.Generators.PodTasks;

/// <summary>A pod task's index and its checked pod spec.</summary>
internal sealed record TaskCheckedPod(int TaskIndex, PodSpecModel Pod);
