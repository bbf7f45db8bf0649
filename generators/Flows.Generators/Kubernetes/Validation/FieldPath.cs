using System.Globalization;
using System.Text;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>A field's path as the API server writes it in its messages: <c>spec.template.spec.containers[0].ports[1].containerPort</c>.</summary>
internal sealed class FieldPath
{
    private readonly FieldPath? _parent;
    private readonly string _segment;

    private FieldPath(FieldPath? parent, string segment)
    {
        _parent = parent;
        _segment = segment;
    }

    /// <summary>The document itself; its children have no leading dot (<c>metadata.name</c>).</summary>
    public static FieldPath Root { get; } = new(null, "");

    public static FieldPath Of(string name) => new(null, name);

    public FieldPath Child(string name) => new(this, "." + name);

    public FieldPath Index(int index) => new(this, "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    /// <summary>A map key: <c>metadata.labels[app]</c>.</summary>
    public FieldPath Key(string key) => new(this, "[" + key + "]");

    public override string ToString()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString().TrimStart('.');
    }

    private void Write(StringBuilder builder)
    {
        _parent?.Write(builder);
        builder.Append(_segment);
    }
}
