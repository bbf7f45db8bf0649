using System.Linq;
using Flows.Generators.TaskData;
using Flows.Generators.Tests.Support;

namespace Flows.Generators.Tests.Serialization;

public class JsonTypeCollectorTests
{
    private const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;

        namespace Samples;

        public interface IShape { int Sides { get; } }
        public abstract class Animal { public string Name { get; set; } = ""; }
        public class NoPublicConstructor { private NoPublicConstructor() { } public int X { get; set; } }
        public class TwoConstructors { public TwoConstructors(int x) { X = x; } public TwoConstructors(string s) { X = s.Length; } public int X { get; } }
        public class Unmatched { public Unmatched(int other) { } public int X { get; } }
        public record HasObject(string Name, object Payload);
        public record Outer(Inner Inner);
        public record Inner(List<IShape> Shapes);
        public class Elsewhere { private sealed record Hidden(int X); public static object Make() => new Hidden(1); }
        public ref struct RefStruct { public int X { get; set; } }
        public class MyList : List<int> { }

        public static partial class Holder
        {
            private sealed record Mine(int X);
            public enum Kind { A, B }
        }
        """;

    [Theory]
    [InlineData("object", "it is 'object'")]
    [InlineData("dynamic", "it is 'dynamic'")]
    [InlineData("T", "it is a type parameter")]
    [InlineData("IShape", "it is an interface other than IEnumerable<T>/IReadOnlyList<T>/IReadOnlyCollection<T>/IList<T>/ICollection<T>/IDictionary<string, T>/IReadOnlyDictionary<string, T>")]
    [InlineData("Animal", "it is an abstract class")]
    [InlineData("Action<int>", "it is a delegate")]
    [InlineData("int*", "it is a pointer")]
    [InlineData("RefStruct", "it is a ref struct")]
    [InlineData("(int Count, string Name)", "it is a tuple, whose fields are not properties: use a record")]
    [InlineData("int[,]", "it is a multi-dimensional array")]
    [InlineData("Dictionary<int, string>", "it is a dictionary whose keys are not strings")]
    [InlineData("HashSet<int>", "it is a framework type without a System.Text.Json converter here (supported: primitives, string, DateTime(Offset), DateOnly, TimeOnly, TimeSpan, Guid, Uri, Version, enums, arrays, List<T>, Dictionary<string, T>)")]
    [InlineData("MyList", "it is a collection other than T[], List<T>, Dictionary<string, T> and the interfaces IEnumerable<T>/IReadOnlyList<T>/IReadOnlyCollection<T>/IList<T>/ICollection<T>/IDictionary<string, T>/IReadOnlyDictionary<string, T>")]
    [InlineData("System.IO.Stream", "it is a framework type without a System.Text.Json converter here (supported: primitives, string, DateTime(Offset), DateOnly, TimeOnly, TimeSpan, Guid, Uri, Version, enums, arrays, List<T>, Dictionary<string, T>)")]
    [InlineData("NoPublicConstructor", "it has no public constructor")]
    [InlineData("TwoConstructors", "it has several public constructors and none without parameters: mark one [JsonConstructor]")]
    [InlineData("Unmatched", "its constructor parameter 'other' matches no public property")]
    [InlineData("HasObject", "its property 'HasObject.Payload' cannot be serialized: it is 'object'")]
    [InlineData("List<object>", "its element type 'object' cannot be serialized: it is 'object'")]
    [InlineData("Dictionary<string, dynamic>", "its value type 'dynamic' cannot be serialized: it is 'dynamic'")]
    [InlineData("Outer", "its property 'Outer.Inner' cannot be serialized: its property 'Inner.Shapes' cannot be serialized: its element type 'Samples.IShape' cannot be serialized: it is an interface other than IEnumerable<T>/IReadOnlyList<T>/IReadOnlyCollection<T>/IList<T>/ICollection<T>/IDictionary<string, T>/IReadOnlyDictionary<string, T>")]
    public void Unsupported_types_give_null_and_the_reason(string type, string reason)
    {
        var harness = JsonHarness.Collect(Source, type);

        Assert.Null(harness.Names[0]);
        Assert.Equal(reason, harness.Reasons[0]);
        Assert.Empty(harness.Collector.Types);
    }

    [Fact]
    public void A_private_type_nested_in_another_class_is_inaccessible_but_one_nested_in_the_flow_class_is_not()
    {
        var source = Source.Replace("public static object Make() => new Hidden(1);", "public static Hidden2 Make() => throw null!; private sealed record Hidden2(int X);");
        var compilation = GeneratorHarness.Compile(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, Source);
        var holder = compilation.GetTypeByMetadataName(JsonHarness.HolderName)!;
        var hidden = compilation.GetTypeByMetadataName("Samples.Elsewhere+Hidden")!;
        var mine = compilation.GetTypeByMetadataName("Samples.Holder+Mine")!;
        var kind = compilation.GetTypeByMetadataName("Samples.Holder+Kind")!;
        var collector = new JsonTypeCollector(holder);

        Assert.Null(collector.Add(hidden, out var reason));
        Assert.Equal("it is not accessible from the flow class", reason);
        Assert.Equal("Mine", collector.Add(mine, out reason));
        Assert.Null(reason);
        Assert.Equal("Kind", collector.Add(kind, out _));
        Assert.NotEmpty(source);
    }

    [Fact]
    public void A_failed_Add_leaves_nothing_behind_and_later_Adds_still_work()
    {
        var harness = JsonHarness.Collect(Source, "HasObject", "Holder.Kind", "HasObject", "List<Holder.Kind>");

        Assert.Equal([null, "Kind", null, "ListKind"], harness.Names);
        Assert.Equal(["global::Samples.Holder.Kind", "global::System.Collections.Generic.List<global::Samples.Holder.Kind>"],
            harness.Collector.Types.Select(t => t.FullyQualifiedType));
        Assert.Empty(GeneratorHarness.Problems(harness.CompileWithGenerated()));
    }

    [Fact]
    public void Adding_a_type_again_returns_the_same_name_and_names_stay_unique()
    {
        var source = """
            namespace A { public record Item(int X); }
            namespace B { public record Item(string Y); }
            namespace Samples { public static partial class Holder { } }
            """;
        var harness = JsonHarness.Collect(source, "A.Item", "B.Item", "A.Item", "A.Item?", "int", "int");

        Assert.Equal(["Item", "Item2", "Item", "Item", "Int32", "Int32"], harness.Names);
        Assert.Empty(GeneratorHarness.Problems(harness.CompileWithGenerated()));
    }

    [Fact]
    public void The_same_input_gives_equal_specs_for_incremental_caching()
    {
        var types = new[] { "Outer", "Holder.Kind", "List<Holder.Kind?>", "Dictionary<string, int[]>" };
        var source = Source.Replace("public record Inner(List<IShape> Shapes);", "public record Inner(List<Inner> Shapes, DateTime When);");
        var first = JsonHarness.Collect(source, types).Collector.Types;
        var second = JsonHarness.Collect(source, types).Collector.Types;

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Empty(ForbiddenOutputTypes.Find(first, "Types"));

        var changed = JsonHarness.Collect(source.Replace("DateTime When", "DateTimeOffset When"), types).Collector.Types;
        Assert.NotEqual(first, changed);
    }
}
