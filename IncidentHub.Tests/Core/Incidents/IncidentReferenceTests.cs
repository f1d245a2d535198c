using IncidentHub.Core.Incidents;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentReferenceTests
{
    [Theory]
    [InlineData("INC-42", 42)]
    [InlineData("inc-42", 42)]
    [InlineData("#42", 42)]
    [InlineData("42", 42)]
    [InlineData("  INC-7  ", 7)]
    public void TryParse_AcceptedForms_ReadTheNumber(string text, int expected)
    {
        var ok = IncidentReference.TryParse(text, out var number);

        Assert.True(ok);
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("INC-")]
    [InlineData("INC-0")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("INC- 3")]
    [InlineData("4 2")]
    [InlineData("INC-4a")]
    [InlineData("checkout")]
    [InlineData("1,000")]
    [InlineData("99999999999")]
    public void TryParse_AnythingElse_IsNotAReference(string? text)
    {
        Assert.False(IncidentReference.TryParse(text, out _));
    }

    [Fact]
    public void Format_And_TryParse_RoundTrip()
    {
        Assert.Equal("INC-1234", IncidentReference.Format(1234));
        Assert.True(IncidentReference.TryParse(IncidentReference.Format(1234), out var number));
        Assert.Equal(1234, number);
    }
}
