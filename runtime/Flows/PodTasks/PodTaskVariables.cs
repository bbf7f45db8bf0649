namespace Flows;

/// <summary>The variables a pod task's primary container gets besides the run's <c>FLOWS__CONTEXT__*</c>.</summary>
public static class PodTaskVariables
{
    /// <summary>The task's upstream results as JSON (<see cref="ITaskDataTransfer.WriteInputs"/>).</summary>
    public const string Inputs = "FLOWS__TASK__INPUTS";

    /// <summary>Where <c>run-task</c> writes the result: the container's terminationMessagePath.</summary>
    public const string TerminationMessagePath = "FLOWS__TASK__TERMINATION_MESSAGE_PATH";

    public const string DefaultTerminationMessagePath = "/dev/termination-log";
}
