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
    private readonly string? _unknownReason;
    private readonly Provenance? _source;

    private Value(ValueState state, T? value, string? unknownReason, Provenance? source, bool isDefault)
    {
        State = state;
        _value = value;
        _unknownReason = unknownReason;
        _source = source;
        IsDefault = isDefault;
    }

    /// <summary>Known or Unknown.</summary>
    public ValueState State { get; }

    /// <summary>Why the value is unknown; null when it is known.</summary>
    public string? UnknownReason => State == ValueState.Known ? null : _unknownReason ?? "not read from the input";

    /// <summary>Where the value was written, or the resource it defaults on.</summary>
    public Provenance Source => _source ?? Provenance.None;

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

    /// <summary>A value the reader filled in from AWS's documented default.</summary>
    public static Value<T> Default(T value, Provenance source) => new(ValueState.Known, value, null, source, true);

    /// <summary>A value that is not known until apply, or an unresolved reference.</summary>
    public static Value<T> Unknown(string reason, Provenance source) =>
        new(ValueState.Unknown, default, reason, source, false);

    /// <summary>Maps a known value; an unknown stays unknown with its reason.</summary>
    public Value<TOut> Map<TOut>(Func<T, TOut> map) => State == ValueState.Known
        ? new Value<TOut>(ValueState.Known, map(_value!), null, Source, IsDefault)
        : Value<TOut>.Unknown(UnknownReason ?? "unknown", Source);

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

    /// <summary>An AWS default.</summary>
    public static Value<T> Default<T>(T value, Provenance source) => Value<T>.Default(value, source);

    /// <summary>An unknown value.</summary>
    public static Value<T> Unknown<T>(string reason, Provenance source) => Value<T>.Unknown(reason, source);
}
