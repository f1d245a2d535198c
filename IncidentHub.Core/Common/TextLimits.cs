using System.Globalization;

namespace IncidentHub.Core.Common;

/// <summary>Lengths shared by the forms, the services and the database columns.</summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int LongText = 10_000;
    public const int PersonName = 200;
    public const int Reason = 1_000;
    public const int ReviewSection = 20_000;
    public const int Url = 2_000;

    /// <summary>
    /// The one refusal for text over its limit, in the browser, in Slack and from the API alike: "The name can be at
    /// most 200 characters; this one has 250 (50 too many)." Nothing is ever cut to fit.
    /// </summary>
    public static string TooLong(string what, int max, int length)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        return string.Create(CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(what[0])}{what[1..]} can be at most {max:N0} characters; this one has {length:N0} ({length - max:N0} too many).");
    }

    /// <summary>What the field shows before anything is typed: "Up to 200 characters."</summary>
    public static string Describe(int max) => string.Create(CultureInfo.InvariantCulture, $"Up to {max:N0} characters.");
}
