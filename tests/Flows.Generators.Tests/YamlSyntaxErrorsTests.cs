using System;
using Flows.Generators.Kubernetes;

namespace Flows.Generators.Tests;

/// <summary>The explanation of YAML syntax errors (FLOW031/FLOW061) must never throw, whatever the text, and must stay inside it.</summary>
public class YamlSyntaxErrorsTests
{
    private const string Seed = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: import\n  labels:\n    team: \"data\"\nspec:\n  template:\n    spec:\n" +
                                "      restartPolicy: Never\n      containers:\n        - name: flow\n          image: 'x:1'\n          args: [a, \"b\", {c: d}]\n" +
                                "          command:\n          - |\n            echo \"it's\" [x\n        - name: side\n          env: {A: b}\n";

    [Fact]
    public void Never_throws_and_reports_inside_the_text_for_mutated_specs()
    {
        var random = new Random(12);
        const string characters = "\t\"'[]{}:-# \n|>@`&*!%\\,?";
        var reported = 0;
        for (var n = 0; n < 3000; n++)
        {
            var text = Seed;
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                var at = random.Next(text.Length);
                var character = characters[random.Next(characters.Length)].ToString();
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, character),
                    _ => text.Remove(at, 1).Insert(at, character),
                };
            }
            YamlSpecText.Load(text, (start, end, message) =>
            {
                reported++;
                Assert.InRange(start.Index, 0, text.Length + 1);
                Assert.InRange(end.Index, start.Index, text.Length + 1);
                Assert.False(string.IsNullOrWhiteSpace(message), text);
            });
        }
        Assert.True(reported > 1000, $"only {reported} of the mutated specs had a syntax error");
    }
}
