using System;
using System.Linq;
using Flows.Generators.Tests.Support;

namespace Flows.Generators.Tests.Serialization;

/// <summary>
/// The emitted JsonTypeInfo really serializes: each test compiles types, collects them, emits <c>__FlowsJson</c>, loads the
/// assembly and runs code that writes a value with the emitted metadata and reads it back.
/// </summary>
public class JsonRoundTripTests
{
    private const string Usings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Diagnostics.CodeAnalysis;

        namespace Samples;

        """;

    /// <summary>JSON written with ' for ".</summary>
    private static string Q(string json) => json.Replace('\'', '"');

    [Fact]
    public void Records_with_nested_lists_enums_nullables_dictionaries_and_recursion_round_trip()
    {
        var source = Usings + """
            public enum Color { Red, Green, Blue }

            public record Node(string Name, List<Node>? Children, Color Color, Color? Accent, int? Age,
                Dictionary<string, int> Scores, IReadOnlyList<string> Tags, Leaf[] Leaves, Dictionary<string, List<Leaf>>? Groups);

            public record Leaf(double Weight, DateOnly Day, Guid Id);

            public static partial class Holder
            {
                public static Node Sample() => new("root",
                    [new Node("child", null, Color.Blue, null, 7, new() { ["x"] = -1 }, [], [], null)],
                    Color.Green, Color.Red, null, new() { ["a"] = 1, ["b"] = 2 }, ["t1", "t2"],
                    [new Leaf(1.5, new DateOnly(2024, 2, 29), new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"))],
                    new() { ["g"] = [new Leaf(0.25, new DateOnly(2000, 1, 1), Guid.Empty)] });

                public static string Write() => JsonSerializer.Serialize(Sample(), __FlowsJson.Node);

                public static string RoundTrip()
                {
                    var back = JsonSerializer.Deserialize(Write(), __FlowsJson.Node)!;
                    var child = back.Children![0];
                    return string.Join("|",
                        back.Name, back.Color, back.Accent, back.Age?.ToString() ?? "null", back.Scores["a"] + back.Scores["b"],
                        string.Join(",", back.Tags), back.Tags.GetType().Name,
                        back.Leaves[0].Weight, back.Leaves[0].Day.ToString("yyyy-MM-dd"), back.Leaves[0].Id,
                        back.Groups!["g"][0].Weight,
                        child.Name, child.Children is null, child.Color, child.Accent is null, child.Age, child.Scores["x"], child.Groups is null,
                        JsonSerializer.Serialize(back, __FlowsJson.Node) == Write());
                }

                public static string ListOfNodes() =>
                    JsonSerializer.Serialize(JsonSerializer.Deserialize("[{\"Name\":\"n\",\"Color\":\"Blue\",\"Scores\":{},\"Tags\":[\"q\"],\"Leaves\":[]}]", __FlowsJson.ListNode)!, __FlowsJson.ListNode);

                public static string NullableEnum() =>
                    JsonSerializer.Serialize<Color?>(Color.Blue, __FlowsJson.NullableColor) + JsonSerializer.Serialize<Color?>(null, __FlowsJson.NullableColor) +
                    JsonSerializer.Deserialize("\"Green\"", __FlowsJson.NullableColor);
            }
            """;
        var harness = JsonHarness.Collect(source, "Node", "List<Node>", "Color?");
        Assert.Equal(["Node", "ListNode", "NullableColor"], harness.Names);
        var holder = harness.Load();

        Assert.Equal(
            Q("{'Name':'root','Children':[{'Name':'child','Children':null,'Color':'Blue','Accent':null,'Age':7,'Scores':{'x':-1},'Tags':[],'Leaves':[],'Groups':null}],") +
            Q("'Color':'Green','Accent':'Red','Age':null,'Scores':{'a':1,'b':2},'Tags':['t1','t2'],") +
            Q("'Leaves':[{'Weight':1.5,'Day':'2024-02-29','Id':'6f9619ff-8b86-d011-b42d-00c04fc964ff'}],") +
            Q("'Groups':{'g':[{'Weight':0.25,'Day':'2000-01-01','Id':'00000000-0000-0000-0000-000000000000'}]}}"),
            JsonHarness.Call(holder, "Write"));
        Assert.Equal("root|Green|Red|null|3|t1,t2|List`1|1.5|2024-02-29|6f9619ff-8b86-d011-b42d-00c04fc964ff|0.25|child|True|Blue|True|7|-1|True|True",
            JsonHarness.Call(holder, "RoundTrip"));
        Assert.Equal("""[{"Name":"n","Children":null,"Color":"Blue","Accent":null,"Age":null,"Scores":{},"Tags":["q"],"Leaves":[],"Groups":null}]""",
            JsonHarness.Call(holder, "ListOfNodes"));
        Assert.Equal("\"Blue\"nullGreen", JsonHarness.Call(holder, "NullableEnum"));
    }

    [Fact]
    public void Primitives_and_framework_values_round_trip()
    {
        var source = Usings + """
            public record Values(bool Bool, char Char, byte Byte, sbyte SByte, short Int16, ushort UInt16, int Int32, uint UInt32,
                long Int64, ulong UInt64, float Single, double Double, decimal Decimal, string String, DateTime DateTime,
                DateTimeOffset DateTimeOffset, DateOnly DateOnly, TimeOnly TimeOnly, TimeSpan TimeSpan, Guid Guid, Uri Uri,
                Version Version, byte[] Bytes, DayOfWeek Day, string? Missing);

            public static partial class Holder
            {
                private static readonly Values Shared = new(true, 'c', 255, -128, -32768, 65535, int.MinValue, uint.MaxValue, long.MinValue, ulong.MaxValue,
                    1.25f, 0.1, 79228162514264337593543950335m, "é\"\n", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                    new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), new DateOnly(2024, 1, 2), new TimeOnly(13, 14, 15),
                    TimeSpan.FromMinutes(90), new Guid("11111111-2222-3333-4444-555555555555"), new Uri("https://example.com/a?b=c"),
                    new Version(1, 2, 3), [1, 2, 3], DayOfWeek.Friday, null);

                public static Values Sample() => Shared;

                public static string Write() => JsonSerializer.Serialize(Sample(), __FlowsJson.Values);

                public static string RoundTrip() => (JsonSerializer.Deserialize(Write(), __FlowsJson.Values)! with { Bytes = Sample().Bytes }).Equals(Sample()) + "|" +
                    string.Join(",", JsonSerializer.Deserialize(Write(), __FlowsJson.Values)!.Bytes);

                public static string TopLevel() => string.Join("|",
                    JsonSerializer.Serialize(42, __FlowsJson.Int32), JsonSerializer.Deserialize("42", __FlowsJson.Int32),
                    JsonSerializer.Serialize("s", __FlowsJson.String), JsonSerializer.Deserialize("\"s\"", __FlowsJson.String),
                    JsonSerializer.Serialize(new int?[] { 1, null }, __FlowsJson.NullableInt32Array),
                    JsonSerializer.Deserialize("[1,null]", __FlowsJson.NullableInt32Array)!.Length,
                    JsonSerializer.Serialize(new byte[] { 255 }, __FlowsJson.ByteArray));
            }
            """;
        var harness = JsonHarness.Collect(source, "Values", "int", "string?", "int?[]", "byte[]");
        Assert.Equal(["Values", "Int32", "String", "NullableInt32Array", "ByteArray"], harness.Names);
        var holder = harness.Load();

        Assert.Equal(
            Q("{'Bool':true,'Char':'c','Byte':255,'SByte':-128,'Int16':-32768,'UInt16':65535,'Int32':-2147483648,'UInt32':4294967295,") +
            Q("'Int64':-9223372036854775808,'UInt64':18446744073709551615,'Single':1.25,'Double':0.1,'Decimal':79228162514264337593543950335,") +
            Q("'String':'\\u00E9\\u0022\\n','DateTime':'2024-01-02T03:04:05Z','DateTimeOffset':'2024-01-02T03:04:05+02:00','DateOnly':'2024-01-02',") +
            Q("'TimeOnly':'13:14:15','TimeSpan':'01:30:00','Guid':'11111111-2222-3333-4444-555555555555','Uri':'https://example.com/a?b=c',") +
            Q("'Version':'1.2.3','Bytes':'AQID','Day':'Friday','Missing':null}"),
            JsonHarness.Call(holder, "Write"));
        Assert.Equal("True|1,2,3", JsonHarness.Call(holder, "RoundTrip"));
        Assert.Equal("42|42|\"s\"|s|[1,null]|2|\"/w==\"", JsonHarness.Call(holder, "TopLevel"));
    }

    [Fact]
    public void Classes_and_structs_with_setters_init_required_defaults_and_attributes_round_trip()
    {
        var source = Usings + """
            public class Settable
            {
                public int Number { get; set; }
                public string Init { get; init; } = "initial";
                public required string Required { get; set; }
                public int ReadOnly => Number * 2;
                [JsonPropertyName("renamed")] public string? Renamed { get; set; }
                [JsonIgnore] public object? Ignored { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SkippedWhenNull { get; set; }
                public static int Static { get; set; }
                private int Private { get; set; }
            }

            public struct Point { public int X { get; set; } public int Y { get; init; } }

            public readonly record struct Pair(string Key, long Value);

            public class WithConstructor
            {
                public WithConstructor(string name, int count = 5, Color color = Color.Blue, string? note = null) { Name = name; Count = count; Color = color; Note = note; }
                public string Name { get; }
                public int Count { get; }
                public Color Color { get; }
                public string? Note { get; }
                public List<int> Extra { get; set; } = [];
            }

            public class Base { public string BaseName { get; set; } = ""; public virtual int Size { get; set; } }
            public sealed class Derived : Base { public override int Size { get; set; } public bool Flag { get; set; } }

            public enum Color { Red, Green, Blue }

            public static partial class Holder
            {
                private sealed record Secret(string Value);

                public static string Settable()
                {
                    var value = new Settable { Number = 3, Init = "set", Required = "r", Renamed = "x", Ignored = new object() };
                    var json = JsonSerializer.Serialize(value, __FlowsJson.Settable);
                    var back = JsonSerializer.Deserialize("{\"Number\":4,\"Init\":\"i\",\"Required\":\"q\",\"ReadOnly\":100,\"renamed\":\"y\",\"Ignored\":{}}", __FlowsJson.Settable)!;
                    string missingRequired;
                    try { JsonSerializer.Deserialize("{\"Number\":4}", __FlowsJson.Settable); missingRequired = "no error"; }
                    catch (JsonException) { missingRequired = "JsonException"; }
                    return string.Join("|", json, back.Number, back.Init, back.Required, back.ReadOnly, back.Renamed, back.Ignored is null, missingRequired);
                }

                public static string Structs()
                {
                    var point = JsonSerializer.Deserialize("{\"X\":1,\"Y\":2}", __FlowsJson.Point);
                    var pair = JsonSerializer.Deserialize("{\"Key\":\"k\",\"Value\":9}", __FlowsJson.Pair);
                    return string.Join("|", JsonSerializer.Serialize(new Point { X = 5, Y = 6 }, __FlowsJson.Point), point.X, point.Y,
                        JsonSerializer.Serialize(pair, __FlowsJson.Pair), pair.Key, pair.Value);
                }

                public static string Constructor()
                {
                    var back = JsonSerializer.Deserialize("{\"Name\":\"n\",\"Extra\":[1]}", __FlowsJson.WithConstructor)!;
                    return string.Join("|", JsonSerializer.Serialize(new WithConstructor("a", 1, Color.Red, "note"), __FlowsJson.WithConstructor),
                        back.Name, back.Count, back.Color, back.Note ?? "null", back.Extra[0]);
                }

                public static string Inheritance()
                {
                    var back = JsonSerializer.Deserialize("{\"BaseName\":\"b\",\"Size\":3,\"Flag\":true}", __FlowsJson.Derived)!;
                    return JsonSerializer.Serialize(back, __FlowsJson.Derived);
                }

                public static string PrivateNested() =>
                    JsonSerializer.Serialize(new Secret("s"), __FlowsJson.Secret) + JsonSerializer.Deserialize("{\"Value\":\"t\"}", __FlowsJson.Secret)!.Value;
            }
            """;
        var harness = JsonHarness.Collect(source, "Settable", "Point", "Pair", "WithConstructor", "Derived", "Secret");
        Assert.All(harness.Reasons, Assert.Null);
        var holder = harness.Load();

        Assert.Equal("""{"Number":3,"Init":"set","Required":"r","ReadOnly":6,"renamed":"x"}|4|i|q|8|y|True|JsonException""", JsonHarness.Call(holder, "Settable"));
        Assert.Equal("""{"X":5,"Y":6}|1|2|{"Key":"k","Value":9}|k|9""", JsonHarness.Call(holder, "Structs"));
        Assert.Equal("""{"Name":"a","Count":1,"Color":"Red","Note":"note","Extra":[]}|n|5|Blue|null|1""", JsonHarness.Call(holder, "Constructor"));
        Assert.Equal("""{"BaseName":"b","Size":3,"Flag":true}""", JsonHarness.Call(holder, "Inheritance"));
        Assert.Equal("""{"Value":"s"}t""", JsonHarness.Call(holder, "PrivateNested"));
    }

    [Fact]
    public void Collection_interfaces_are_written_as_arrays_and_objects_and_read_as_lists_and_dictionaries()
    {
        var source = Usings + """
            public class Bag
            {
                public IEnumerable<int> Enumerable { get; set; } = [];
                public IReadOnlyList<int> ReadOnlyList { get; set; } = [];
                public IReadOnlyCollection<int> ReadOnlyCollection { get; set; } = [];
                public IList<string> List { get; set; } = [];
                public ICollection<string> Collection { get; set; } = [];
                public IDictionary<string, int> Dictionary { get; set; } = new Dictionary<string, int>();
                public IReadOnlyDictionary<string, List<int>> ReadOnlyDictionary { get; set; } = new Dictionary<string, List<int>>();
            }

            public record Box<T>(T Value, List<T> Items);

            public record @class(int @int);

            public static partial class Holder
            {
                public static string RoundTrip()
                {
                    var json = "{\"Enumerable\":[1,2],\"ReadOnlyList\":[3],\"ReadOnlyCollection\":[4],\"List\":[\"a\"],\"Collection\":[\"b\"],\"Dictionary\":{\"k\":5},\"ReadOnlyDictionary\":{\"l\":[6,7]}}";
                    var back = JsonSerializer.Deserialize(json, __FlowsJson.Bag)!;
                    return string.Join("|", JsonSerializer.Serialize(back, __FlowsJson.Bag) == json,
                        back.Enumerable.GetType().Name, back.ReadOnlyList.GetType().Name, back.ReadOnlyCollection.GetType().Name,
                        back.List.GetType().Name, back.Collection.GetType().Name, back.Dictionary.GetType().Name, back.ReadOnlyDictionary.GetType().Name,
                        back.ReadOnlyDictionary["l"][1]);
                }

                public static string TopLevel() =>
                    JsonSerializer.Serialize(new[] { 1, 2 }, __FlowsJson.IEnumerableInt32) +
                    JsonSerializer.Deserialize("{\"a\":1}", __FlowsJson.DictionaryStringInt32)!["a"] +
                    JsonSerializer.Serialize(JsonSerializer.Deserialize("{\"Value\":\"v\",\"Items\":[\"w\"]}", __FlowsJson.BoxString)!, __FlowsJson.BoxString) +
                    JsonSerializer.Serialize(JsonSerializer.Deserialize("{\"int\":4}", __FlowsJson._class)!, __FlowsJson._class);
            }
            """;
        var harness = JsonHarness.Collect(source, "Bag", "IEnumerable<int>", "Dictionary<string, int>", "Box<string>", "@class");
        Assert.Equal(["Bag", "IEnumerableInt32", "DictionaryStringInt32", "BoxString", "_class"], harness.Names);
        var holder = harness.Load();

        Assert.Equal("True|List`1|List`1|List`1|List`1|List`1|Dictionary`2|Dictionary`2|7", JsonHarness.Call(holder, "RoundTrip"));
        Assert.Equal("""[1,2]1{"Value":"v","Items":["w"]}{"int":4}""", JsonHarness.Call(holder, "TopLevel"));
    }

    [Fact]
    public void Types_declared_without_nullable_annotations_compile_without_warnings()
    {
        var source = """
            #nullable disable
            using System.Collections.Generic;
            using System.Text.Json;

            namespace Samples;

            public class Legacy { public string Name { get; set; } public List<string> Items { get; set; } public Legacy Next { get; set; } }
            public record LegacyRecord(string Name, Dictionary<string, string[]> Map);

            public static partial class Holder
            {
                public static string RoundTrip() =>
                    JsonSerializer.Serialize(JsonSerializer.Deserialize("{\"Name\":null,\"Items\":[null,\"b\"],\"Next\":{\"Name\":\"n\"}}", __FlowsJson.Legacy), __FlowsJson.Legacy) +
                    JsonSerializer.Serialize(new LegacyRecord(null, new() { ["k"] = [null] }), __FlowsJson.LegacyRecord);
            }
            """;
        var harness = JsonHarness.Collect(source, "Legacy", "LegacyRecord");
        var holder = harness.Load(); // asserts no warnings
        Assert.Equal("""{"Name":null,"Items":[null,"b"],"Next":{"Name":"n","Items":null,"Next":null}}{"Name":null,"Map":{"k":[null]}}""",
            JsonHarness.Call(holder, "RoundTrip"));
    }

    [Fact]
    public void The_emitted_code_uses_no_reflection()
    {
        var harness = JsonHarness.Collect(Usings + """
            public enum Color { Red }
            public record Node(string Name, List<Node> Children, Color Color, int? Age, Dictionary<string, double> Map);
            public class Settable { public int X { get; set; } public required string Y { get; init; } }
            public static partial class Holder { }
            """, "Node", "Settable");
        var emitted = harness.EmitSource();

        foreach (var forbidden in new[] { "GetProperty", "GetConstructor", "GetMethod", "GetField", "BindingFlags", "Activator", "MakeGenericType", "System.Reflection", "DefaultJsonTypeInfoResolver" })
        {
            Assert.DoesNotContain(forbidden, emitted);
        }
        Assert.Empty(GeneratorHarness.Problems(harness.CompileWithGenerated()));
    }

    [Fact]
    public void An_empty_collector_emits_an_empty_class_that_compiles()
    {
        var harness = JsonHarness.Collect(Usings + "public static partial class Holder { }");
        Assert.Contains("private static class __FlowsJson", harness.EmitSource());
        Assert.Empty(GeneratorHarness.Problems(harness.CompileWithGenerated()));
    }
}
