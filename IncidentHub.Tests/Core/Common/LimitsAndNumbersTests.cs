using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Severities;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Updates;

namespace IncidentHub.Tests.Core.Common;

/// <summary>Text over its limit and numbers out of range are refused with the limit or range, never cut or clamped.</summary>
public sealed class LimitsAndNumbersTests
{
    [Fact]
    public void ANameOverTheLimit_IsRefusedWithTheLimitAndTheCount()
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            RequestValidator.Validate(new DeclareIncidentRequest { Name = new string('n', 250), SeverityId = 1 }));

        Assert.Equal(["The name can be at most 200 characters; this one has 250 (50 too many)."], ex.Errors[nameof(DeclareIncidentRequest.Name)]);
    }

    [Fact]
    public void TextExactlyAtTheLimit_IsAccepted_AsTyped()
    {
        RequestValidator.Validate(new AddActionRequest { Title = new string('a', TextLimits.Name) });
        RequestValidator.Validate(new PostUpdateRequest { Message = new string('u', TextLimits.LongText) });
    }

    [Theory]
    [InlineData(typeof(AddActionRequest), nameof(AddActionRequest.Title), "An action can be at most 200 characters; this one has 201 (1 too many).")]
    [InlineData(typeof(PostUpdateRequest), nameof(PostUpdateRequest.Message), "An update can be at most 10,000 characters; this one has 10,001 (1 too many).")]
    [InlineData(typeof(PublicNoticeForm), nameof(PublicNoticeForm.Message), "The message can be at most 5,000 characters; this one has 5,001 (1 too many).")]
    public void EveryLimitedField_SaysItsOwnLimit(Type request, string property, string message)
    {
        var form = Activator.CreateInstance(request)!;
        var limit = (TextLimitAttribute)request.GetProperty(property)!.GetCustomAttributes(typeof(TextLimitAttribute), false).Single();
        foreach (var required in request.GetProperties().Where(p => p.PropertyType == typeof(string) && p.Name != property))
        {
            required.SetValue(form, "filled in");
        }

        request.GetProperty(property)!.SetValue(form, new string('x', limit.Max + 1));

        var ex = Assert.Throws<ValidationFailedException>(() => RequestValidator.Validate(form));
        Assert.Equal([message], ex.Errors[property]);
    }

    [Theory]
    [InlineData("15", 15)]
    [InlineData(" 45 ", 45)]
    [InlineData("5", 5)]
    [InlineData("1440", 1440)]
    public void AWholeNumberInRange_IsTaken(string text, int expected)
    {
        Assert.True(WholeNumber.TryParse(text, UpdateCadence.MinMinutes, UpdateCadence.MaxMinutes, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("1441")]
    [InlineData("100000")]
    [InlineData("99999999999")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElse_IsRefused_NotClamped(string? text) =>
        Assert.False(WholeNumber.TryParse(text, UpdateCadence.MinMinutes, UpdateCadence.MaxMinutes, out _));

    [Fact]
    public void ACadenceOutOfRange_IsRefusedWithTheRange_ByTheSeverityItself()
    {
        var ex = Assert.Throws<ValidationFailedException>(() => new Severity("Critical", 3, "", updateCadenceMinutes: 0));

        Assert.Equal([UpdateCadence.RangeMessage], ex.Errors[nameof(Severity.UpdateCadenceMinutes)]);
        Assert.Contains("5 to 1,440", UpdateCadence.RangeMessage, StringComparison.Ordinal);
    }
}
