using PciZone.Estate;

namespace PciZone.Ingest.CloudFormation;

/// <summary>Lists, nested objects, references, tags and policies.</summary>
internal sealed partial class CfnResourceView
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public Value<IReadOnlyList<string>> Strings(string path)
    {
        var (state, e, prov) = Find(path);
        switch (state)
        {
            case Presence.Absent or Presence.Null:
                return Value.Default<IReadOnlyList<string>>([], prov);
            case Presence.Unknown:
                return Value.Unknown<IReadOnlyList<string>>(e.Reason!, prov);
        }

        var node = e.Node!;
        if (node.IsScalar)
        {
            return Value.Of<IReadOnlyList<string>>([node.Text!], prov);
        }

        if (!node.IsSequence)
        {
            return Value.Unknown<IReadOnlyList<string>>(NotA(path, node, "list of strings"), prov);
        }

        var list = new List<string>(node.Items.Count);
        foreach (var item in node.Items)
        {
            var ie = _evaluator.Text(item, false, 0, out var text);
            if (ie.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<string>>(ie.Reason!, prov);
            }

            if (ie.IsNode)
            {
                list.Add(text);
            }
        }

        return Value.Of<IReadOnlyList<string>>(list, prov);
    }

    public IReadOnlyList<IResourceView> Blocks(string path)
    {
        var (state, e, prov) = Find(path);
        switch (state)
        {
            case Presence.Absent or Presence.Null:
                return [];
            case Presence.Unknown:
                return [Unknown(prov, e.Reason!)];
        }

        var node = e.Node!;
        if (node.IsMapping)
        {
            return [Nested(prov, node)];
        }

        var blocks = new List<IResourceView>(node.Items.Count);
        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = _evaluator.Resolve(node.Items[i]);
            var itemProv = Provenance.At($"{path}[{i}]", node.Items[i].Line);
            if (item.IsUnknown)
            {
                blocks.Add(Unknown(itemProv, item.Reason!));
            }
            else if (item.IsNode && item.Node!.IsMapping)
            {
                blocks.Add(Nested(itemProv, item.Node));
            }
        }

        return blocks;
    }

    public IResourceView? Block(string path)
    {
        var blocks = Blocks(path);
        return blocks.Count > 0 ? blocks[0] : null;
    }

    public Value<IReadOnlyList<ResourceRef>> Refs(string path)
    {
        var (state, e, prov) = Find(path);
        switch (state)
        {
            case Presence.Absent or Presence.Null:
                return Value.Default<IReadOnlyList<ResourceRef>>([], prov);
            case Presence.Unknown when e.Target is not null:
                return Value.Of<IReadOnlyList<ResourceRef>>([ResourceRef.To(_addressPrefix + e.Target)], prov);
            case Presence.Unknown:
                return Value.Unknown<IReadOnlyList<ResourceRef>>(e.Reason!, prov);
        }

        var node = e.Node!;
        var items = node.IsSequence ? node.Items : [node];
        var refs = new List<ResourceRef>(items.Count);
        foreach (var item in items)
        {
            var ie = _evaluator.Resolve(item);
            if (ie.Target is not null)
            {
                refs.Add(ResourceRef.To(_addressPrefix + ie.Target));
            }
            else if (ie.IsUnknown)
            {
                return Value.Unknown<IReadOnlyList<ResourceRef>>(ie.Reason!, prov);
            }
            else if (ie.IsNode && ie.Node!.IsScalar)
            {
                refs.Add(ResourceRef.Id(ie.Node.Text!));
            }
            else if (ie.IsNode && ie.Node!.Kind != CfnNodeKind.Null)
            {
                return Value.Unknown<IReadOnlyList<ResourceRef>>(NotA(path, ie.Node, "reference"), prov);
            }
        }

        return Value.Of<IReadOnlyList<ResourceRef>>(refs, prov);
    }

    public Value<PolicyDocument?> Policy(string path)
    {
        var (state, e, prov) = Find(path, placeholders: true);
        switch (state)
        {
            case Presence.Absent or Presence.Null:
                return Value.Default<PolicyDocument?>(null, prov);
            case Presence.Unknown:
                return Value.Unknown<PolicyDocument?>(e.Reason!, prov);
        }

        return PolicyRenderer.Parse(_evaluator, e.Node!, out var document, out var error)
            ? Value.Of(document, prov)
            : Value.Unknown<PolicyDocument?>($"{path} at line {e.Node!.Line}: {error}", prov);
    }

    /// <summary>CloudFormation's <c>[{Key, Value}]</c> list, or a plain mapping (SAM, SSM); unknown values are left out.</summary>
    public IReadOnlyDictionary<string, string> Tags(string path)
    {
        var (state, e, _) = Find(path);
        if (state != Presence.Present)
        {
            return NoTags;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = e.Node!;
        if (node.IsMapping)
        {
            foreach (var entry in node.Entries)
            {
                if (_evaluator.Text(entry.Value, false, 0, out var value).IsNode)
                {
                    tags[entry.Key] = value;
                }
            }
        }

        foreach (var item in node.Items)
        {
            var tag = _evaluator.Resolve(item);
            if (tag.IsNode && tag.Node!.IsMapping &&
                tag.Node.Get("Key") is { } k && _evaluator.Text(k, false, 0, out var key).IsNode &&
                tag.Node.Get("Value") is { } v && _evaluator.Text(v, false, 0, out var value).IsNode)
            {
                tags[key] = value;
            }
        }

        return tags.Count == 0 ? NoTags : tags;
    }

    private CfnResourceView Nested(Provenance provenance, CfnNode node) =>
        new(_evaluator, _addressPrefix, Address, Type, provenance, node, null);

    private CfnResourceView Unknown(Provenance provenance, string reason) =>
        new(_evaluator, _addressPrefix, Address, Type, provenance, null, reason);
}
