namespace PciZone.Estate;

/// <summary>Whether a value is known at scan time.</summary>
public enum ValueState
{
    /// <summary>
    /// The value is computed after apply, or comes from an unresolved reference. It is the zero
    /// value on purpose: a property that no reader filled is Unknown, never silently false.
    /// </summary>
    Unknown = 0,

    /// <summary>The value is known (written in the input or an AWS default).</summary>
    Known = 1,
}

/// <summary>
/// A resource attribute with its provenance. A value is either Known or Unknown; Unknown is never
/// silently true or false, so rules must decide what an Unknown means for them.
/// </summary>
public readonly struct Value<T> : IEquatable<Value<T>>
{
    private readonly T? _value;

    // Known: null, or the attribute path (string) below _source. Unknown: the reason (string), or an
    // UnknownAttribute (reason and path below _source). A reader gives hundreds of thousands of
    // attributes a place "resource.path" that is read only for the few findings that point at them:
    // the pair stands in for that provenance until Source is read, instead of one object per
    // attribute that lives as long as the estate.
    private readonly object? _note;
    private readonly Provenance? _source;

    private Value(ValueState state, T? value, object? note, Provenance? source, bool isDefault)
    {
        State = state;
        _value = value;
        _note = note;
        _source = source;
        IsDefault = isDefault;
    }

    /// <summary>Known or Unknown.</summary>
    public ValueState State { get; }

    /// <summary>Why the value is unknown; null when it is known.</summary>
    public string? UnknownReason => State == ValueState.Known
        ? null
        : _note switch
        {
            string reason => reason,
            UnknownAttribute attribute => attribute.Reason,
            _ => "not read from the input",
        };

    /// <summary>Where the value was written, or the resource it defaults on.</summary>
    public Provenance Source => _note switch
    {
        string path when State == ValueState.Known => (_source ?? Provenance.None).At(path),
        UnknownAttribute attribute => (_source ?? Provenance.None).At(attribute.Path),
        _ => _source ?? Provenance.None,
    };

    /// <summary>True when nobody wrote the value and the reader applied the AWS default.</summary>
    public bool IsDefault { get; }

    /// <summary>True when the value is known.</summary>
    public bool IsKnown => State == ValueState.Known;

    /// <summary>True when the value is unknown.</summary>
    public bool IsUnknown => State == ValueState.Unknown;

    /// <summary>The value; throws when it is unknown, so check <see cref="IsKnown"/> first.</summary>
    public T Get() => State == ValueState.Known
        ? _value!
        : throw new InvalidOperationException($"Value at {Source} is unknown: {UnknownReason}");

    /// <summary>The value when known, else <paramref name="fallback"/>.</summary>
    public T? GetOrDefault(T? fallback = default) => State == ValueState.Known ? _value : fallback;

    /// <summary>Tries to read the value.</summary>
    public bool TryGet(out T value)
    {
        value = _value!;
        return State == ValueState.Known;
    }

    /// <summary>A value written in the input.</summary>
    public static Value<T> Of(T value, Provenance source) => new(ValueState.Known, value, null, source, false);

    /// <summary>
    /// A value written in the input at <paramref name="path"/> below <paramref name="parent"/>: its
    /// <see cref="Source"/> is <c>parent.At(path)</c>, made when it is read.
    /// </summary>
    public static Value<T> Of(T value, Provenance parent, string path) => new(ValueState.Known, value, path, parent, false);

    /// <summary>A value the reader filled in from AWS's documented default.</summary>
    public static Value<T> Default(T value, Provenance source) => new(ValueState.Known, value, null, source, true);

    /// <summary>A value that is not known until apply, or an unresolved reference.</summary>
    public static Value<T> Unknown(string reason, Provenance source) =>
        new(ValueState.Unknown, default, reason, source, false);

    /// <summary>
    /// An unknown attribute below <paramref name="parent"/>: <see cref="UnknownReason"/> is the
    /// attribute's reason and <see cref="Source"/> is <c>parent.At(attribute.Path)</c>, made when it is read.
    /// </summary>
    public static Value<T> Unknown(UnknownAttribute attribute, Provenance parent) =>
        new(ValueState.Unknown, default, attribute, parent, false);

    /// <summary>Maps a known value; an unknown stays unknown with its reason.</summary>
    public Value<TOut> Map<TOut>(Func<T, TOut> map) => State == ValueState.Known
        ? new Value<TOut>(ValueState.Known, map(_value!), _note, _source, IsDefault)
        : new Value<TOut>(ValueState.Unknown, default, _note, _source, false);

    /// <inheritdoc />
    public bool Equals(Value<T> other) =>
        State == other.State && EqualityComparer<T?>.Default.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Value<T> v && Equals(v);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(State, _value);

    /// <inheritdoc />
    public override string ToString() => State == ValueState.Known ? $"{_value}" : $"(unknown: {UnknownReason})";

    /// <summary>Equality.</summary>
    public static bool operator ==(Value<T> left, Value<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Value<T> left, Value<T> right) => !left.Equals(right);
}

/// <summary>Helpers to build values.</summary>
public static class Value
{
    /// <summary>A known value.</summary>
    public static Value<T> Of<T>(T value, Provenance source) => Value<T>.Of(value, source);

    /// <summary>A known value at <paramref name="path"/> below <paramref name="parent"/>.</summary>
    public static Value<T> Of<T>(T value, Provenance parent, string path) => Value<T>.Of(value, parent, path);

    /// <summary>An AWS default.</summary>
    public static Value<T> Default<T>(T value, Provenance source) => Value<T>.Default(value, source);

    /// <summary>An unknown value.</summary>
    public static Value<T> Unknown<T>(string reason, Provenance source) => Value<T>.Unknown(reason, source);

    /// <summary>An unknown attribute below <paramref name="parent"/>.</summary>
    public static Value<T> Unknown<T>(UnknownAttribute attribute, Provenance parent) => Value<T>.Unknown(attribute, parent);
}
