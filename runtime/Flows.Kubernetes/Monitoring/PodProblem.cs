namespace Flows.Kubernetes;

/// <summary>
/// Something wrong with a pod of the run, reported once (by <see cref="Key"/>) as one line. A fatal
/// problem ends the run as failed; the others are reported and the run goes on (the Job may recover).
/// </summary>
internal sealed record PodProblem(string PodName, string Key, string Reason, string Description, bool IsFatal);
