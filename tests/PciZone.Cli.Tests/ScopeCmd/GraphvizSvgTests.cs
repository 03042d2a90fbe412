using System.Xml.Linq;
using PciZone.Cli.ScopeCmd;

namespace PciZone.Cli.Tests.ScopeCmd;

public sealed class GraphvizSvgTests
{
    private static void RequireDot()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, OperatingSystem.IsWindows() ? "dot.exe" : "dot")));
        if (!found)
        {
            Assert.True(!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "Graphviz 'dot' is not on PATH; CI must install Debian's graphviz package");
            Assert.Skip("Graphviz 'dot' is not on PATH (apt-get install graphviz)");
        }
    }

    [Fact]
    public void Render_ValidDot_ReturnsSvgWithTheLabels()
    {
        RequireDot();

        var svg = GraphvizSvg.Render(w => w.Write("digraph g { a [label=\"card \\\"vault\\\" <db>\"]; a -> b; }"));

        var doc = XDocument.Parse(svg);
        doc.Root!.Name.LocalName.ShouldBe("svg");
        doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ShouldContain("card \"vault\" <db>");
    }

    [Fact]
    public void Render_LargeDot_StreamsWithoutDeadlock()
    {
        RequireDot();

        var svg = GraphvizSvg.Render(w =>
        {
            w.Write("digraph g {\n");
            for (var i = 0; i < 3000; i++)
            {
                w.Write($"n{i} [label=\"system {i}\"];\n");
            }

            w.Write("}\n");
        });

        svg.ShouldContain("system 2999");
    }

    [Fact]
    public void Render_InvalidDot_IsAUsageErrorWithDotsMessage()
    {
        RequireDot();

        var ex = Should.Throw<UsageException>(() => GraphvizSvg.Render(w => w.Write("digraph g { a -> ; }")));

        ex.Message.ShouldContain("exited with code");
        ex.Message.ShouldContain("syntax error");
        ex.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Render_MissingExecutable_IsAUsageErrorThatSaysHowToInstall()
    {
        var ex = Should.Throw<UsageException>(() => GraphvizSvg.Render(w => w.Write("digraph g {}"), executable: "pcizone-no-such-dot"));

        ex.Message.ShouldContain("pcizone-no-such-dot");
        ex.Message.ShouldContain("apt-get install graphviz");
    }

    [Fact]
    public void EnsureAvailable_MissingExecutable_Throws() =>
        Should.Throw<UsageException>(() => GraphvizSvg.EnsureAvailable("pcizone-no-such-dot"));

    [Fact]
    public void EnsureAvailable_DotOnPath_DoesNotThrow()
    {
        RequireDot();

        GraphvizSvg.EnsureAvailable();
    }
}
