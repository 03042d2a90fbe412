using System.Globalization;
using PciZone.Scope.Result;

namespace PciZone.Scope.Output;

/// <summary>
/// The network diagram as Graphviz DOT. One cluster per VPC and, inside it, one per subnet; a system
/// in several subnets (a load balancer, a DB subnet group) sits in its VPC's cluster, as a node can
/// belong to only one cluster. Inside every cluster the CDE systems sit in their own bold red
/// cluster labelled CDE, so a subnet that mixes CDE and other systems shows the boundary running
/// through it; CDE nodes are also filled red. Edges come from <see cref="DotEdges"/>. Node and
/// cluster ids are generated (<c>n1</c>, <c>cluster_1</c>), never taken from the estate; every
/// estate string is a quoted label.
/// </summary>
internal sealed class ScopeDotWriter
{
    private const string NoVpc = "";

    private readonly ScopeView _view;
    private readonly ScopeDotOptions _options;
    private readonly TextWriter _out;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private int _clusters;

    private ScopeDotWriter(ScopeView view, ScopeDotOptions options, TextWriter output)
    {
        _view = view;
        _options = options;
        _out = output;
    }

    public static void Write(ScopeResult result, TextWriter output, ScopeDotOptions? options = null)
    {
        new ScopeDotWriter(new ScopeView(result), options ?? new ScopeDotOptions(), output).Write();
        output.Flush();
    }

    private void Write()
    {
        foreach (var s in _view.Systems)
        {
            _ids.TryAdd(s.Address, "n" + (_ids.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        var outside = _view.Flows.SelectMany(f => new[] { f.From, f.To })
            .Where(e => !_ids.ContainsKey(e)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var e in outside)
        {
            _ids.Add(e, "n" + (_ids.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        var selectors = _view.Result.CdeSelectors.Count == 0 ? "none" : string.Join(", ", _view.Result.CdeSelectors);
        Line(0, "digraph scope {");
        Line(1, "graph [rankdir=LR, compound=true, newrank=true, fontname=\"Helvetica\", fontsize=11, labelloc=t, labeljust=l, label="
                + DotText.Lines([
                    "pcizone scope  (CDE selectors: " + selectors + ")",
                    "red: CDE   amber: connected-to   blue: security-impacting   grey: out of scope   bold red edge: segmentation violation",
                ]) + "];");
        Line(1, "node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=white];");
        Line(1, "edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];");

        foreach (var e in outside)
        {
            Line(1, $"{_ids[e]} [label={DotText.Quote(e)}, {OutsideStyle(e)}];");
        }

        WriteClusters();
        foreach (var edge in DotEdges.Build(_view, _options))
        {
            Line(1, $"{_ids[edge.From]} -> {_ids[edge.To]} [{edge.Attributes}];");
        }

        Line(0, "}");
    }

    private void WriteClusters()
    {
        // Container of each system: (VPC or "", subnet or ""); "" subnet means the VPC itself.
        var containers = _view.Systems
            .GroupBy(s => (Vpc: s.Vpc ?? NoVpc, Subnet: s.Subnets.Count == 1 ? s.Subnets[0] : ""))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var vpc in containers.Keys.Select(k => k.Vpc).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var indent = 1;
            if (vpc != NoVpc)
            {
                OpenCluster(indent, vpc, "style=\"rounded,bold\", color=\"#444444\"");
                indent++;
            }

            foreach (var subnet in containers.Keys.Where(k => k.Vpc == vpc && k.Subnet.Length > 0)
                         .Select(k => k.Subnet).Order(StringComparer.Ordinal))
            {
                OpenCluster(indent, subnet, "style=\"rounded,dashed\", color=\"#888888\"");
                WriteMembers(indent + 1, containers[(vpc, subnet)]);
                Line(indent, "}");
            }

            if (containers.TryGetValue((vpc, ""), out var direct))
            {
                WriteMembers(indent, direct);
            }

            if (vpc != NoVpc)
            {
                Line(1, "}");
            }
        }
    }

    private void WriteMembers(int indent, List<ScopeSystem> members)
    {
        var cde = members.Where(s => s.Category == ScopeCategory.Cde).ToList();
        if (cde.Count > 0)
        {
            OpenCluster(indent, "CDE", "style=bold, color=\"#c00000\", penwidth=3, fontcolor=\"#c00000\"");
            foreach (var s in cde)
            {
                Node(indent + 1, s);
            }

            Line(indent, "}");
        }

        foreach (var s in members.Where(s => s.Category != ScopeCategory.Cde))
        {
            Node(indent, s);
        }
    }

    private void Node(int indent, ScopeSystem s)
    {
        List<string> label = [s.Address, s.Type];
        if (s.Subnets.Count > 1)
        {
            label.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Subnets.Count} subnets"));
        }

        var (shape, rounded) = Shape(s.Type);
        var tooltip = DotText.Quote($"{ScopeWording.Category(s.Category)}: {s.Reason}");
        Line(indent, $"{_ids[s.Address]} [label={DotText.Lines(label)}, shape={shape}, {CategoryStyle(s.Category, rounded)}, tooltip={tooltip}];");
    }

    private void OpenCluster(int indent, string label, string style)
    {
        Line(indent, $"subgraph cluster_{++_clusters} {{");
        Line(indent + 1, $"graph [label={DotText.Quote(label)}, {style}];");
    }

    private static string CategoryStyle(ScopeCategory category, bool rounded)
    {
        var style = rounded ? "style=\"filled,rounded\"" : "style=filled";
        return category switch
        {
            ScopeCategory.Cde => $"{style}, fillcolor=\"#f8d0d0\", color=\"#c00000\", penwidth=2",
            ScopeCategory.ConnectedTo => $"{style}, fillcolor=\"#fde9c4\", color=\"#b36b00\"",
            ScopeCategory.SecurityImpacting => $"{style}, fillcolor=\"#d6e4f5\", color=\"#1f5fa8\"",
            _ => $"{style}, fillcolor=\"#f2f2f2\", color=\"#999999\", fontcolor=\"#666666\"",
        };
    }

    private static string OutsideStyle(string endpoint) =>
        endpoint == ScopeView.Internet ? "shape=doubleoctagon, fillcolor=\"#ffffff\", penwidth=2"
        : endpoint.StartsWith(ScopeView.ExternalPrefix, StringComparison.Ordinal) ? "shape=octagon, fillcolor=\"#ffffff\""
        : "shape=box, style=dashed";

    /// <summary>Shape by estate type: stores are cylinders, gateways houses, routers diamonds, compute boxes.</summary>
    internal static (string Shape, bool Rounded) Shape(string type)
    {
        bool Has(string part) => type.Contains(part, StringComparison.OrdinalIgnoreCase);
        return type switch
        {
            _ when Has("LoadBalancer") => ("hexagon", false),
            _ when Has("Rds") || Has("DbInstance") || Has("DbCluster") || Has("Dynamo") || Has("Dax") || Has("Cache")
                   || Has("Redshift") || Has("Search") || Has("Database") || Has("Neptune") => ("cylinder", false),
            _ when Has("Lambda") || Has("Function") => ("component", false),
            _ when Has("Nat") => ("invhouse", false),
            _ when Has("Endpoint") => ("cds", false),
            _ when Has("TransitGateway") => ("diamond", false),
            _ when Has("Firewall") => ("septagon", false),
            _ when Has("Vpn") => ("house", false),
            _ when Has("NetworkInterface") => ("box", true),
            _ => ("box", false),
        };
    }

    private void Line(int indent, string text)
    {
        _out.Write(new string(' ', indent * 2));
        _out.Write(text);
        _out.Write('\n');
    }
}
