using System.ComponentModel.DataAnnotations;

namespace IncidentHub.Core.Common;

/// <summary>
/// The longest a text may be, and how to say so. Checked in the browser form and again in the service (through
/// <see cref="RequestValidator"/>); the browser field reads <see cref="Max"/> to show its counter before the limit is
/// reached. The text as typed is measured: nothing is trimmed or cut to make it fit.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextLimitAttribute(int max, string what) : ValidationAttribute
{
    public int Max { get; } = max;

    /// <summary>How the refusal names the text: "the name", "an update".</summary>
    public string What { get; } = what;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is string text && text.Length > Max
            ? new ValidationResult(TextLimits.TooLong(What, Max, text.Length), validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
    }
}
