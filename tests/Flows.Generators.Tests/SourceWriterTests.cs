using System;
using Flows.Generators.Core;

namespace Flows.Generators.Tests;

/// <summary>An emitter that leaves a block open, or closes one too many, is caught when the source is finished.</summary>
public class SourceWriterTests
{
    [Fact]
    public void Finish_returns_the_source_of_balanced_blocks()
    {
        var writer = new SourceWriter();
        writer.Open("namespace N");
        writer.Open("class C");
        writer.Line("int x;");
        writer.Close();
        writer.Close();

        Assert.Equal("namespace N\n{\n    class C\n    {\n        int x;\n    }\n}\n", writer.Finish());
    }

    [Fact]
    public void Finish_throws_when_a_block_is_still_open()
    {
        var writer = new SourceWriter();
        writer.Open("namespace N");
        writer.Open("class C");
        writer.Close();

        var error = Assert.Throws<InvalidOperationException>(() => writer.Finish());
        Assert.Contains("1 block(s) still open", error.Message);
    }

    [Fact]
    public void Close_throws_without_an_open_block()
    {
        var writer = new SourceWriter();
        writer.Open("class C");
        writer.Close();

        Assert.Throws<InvalidOperationException>(() => writer.Close());
    }
}
