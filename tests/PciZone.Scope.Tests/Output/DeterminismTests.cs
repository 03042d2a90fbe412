namespace PciZone.Scope.Tests.Output;

public sealed class DeterminismTests
{
    public static TheoryData<string> Formats => ["table", "json", "csv", "dot"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_SameResultTwice_GivesTheSameBytes(string format) =>
        Render.As(format, ScopeSamples.Sample()).ShouldBe(Render.As(format, ScopeSamples.Sample()));

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_ResultInAnotherOrder_GivesTheSameBytes(string format)
    {
        var sample = ScopeSamples.Sample();

        Render.As(format, ScopeSamples.Reversed(sample)).ShouldBe(Render.As(format, sample));
    }
}
