namespace Flows.Generators.Kubernetes.Validation;

/// <summary>How the API server decodes a field's JSON value (the Go type behind it).</summary>
internal enum SchemaKind
{
    /// <summary>Anything decodes (FieldsV1, RawExtension).</summary>
    Any,
    String,
    /// <summary>A base64 string ([]byte).</summary>
    Bytes,
    Int32,
    Int64,
    Number,
    Boolean,
    /// <summary>resource.Quantity: a JSON string or number that parses as a quantity.</summary>
    Quantity,
    /// <summary>intstr.IntOrString: a JSON string or an int32.</summary>
    IntOrString,
    Object,
    Array,
    /// <summary>A JSON object with arbitrary keys (map[string]T).</summary>
    Map,
}
