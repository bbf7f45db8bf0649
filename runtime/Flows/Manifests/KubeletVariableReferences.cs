namespace Flows.Manifests;

/// <summary>
/// The kubelet expands <c>$(NAME)</c> in a container's command, args and env values to the container's variable
/// <c>NAME</c> (run-job-locally does the same), and reads <c>$$</c> as one <c>$</c>. An input pasted into those
/// fields is escaped so that it arrives as written: an input <c>$(API_TOKEN)</c> is not replaced by the token.
/// </summary>
public static class KubeletVariableReferences
{
    /// <summary><paramref name="value"/> with each <c>$</c> doubled: after the kubelet's expansion it is <paramref name="value"/> again.</summary>
    public static string Escape(string value) => value.Replace("$", "$$");
}
