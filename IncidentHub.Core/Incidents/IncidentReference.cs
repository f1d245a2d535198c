using System.Globalization;

namespace IncidentHub.Core.Incidents;

/// <summary>Incident references look like <c>INC-42</c>.</summary>
public static class IncidentReference
{
    public const string Prefix = "INC-";

    public static string Format(int number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads "INC-42", "inc-42", "#42" or "42".</summary>
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.Trim().AsSpan();
        if (span.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            span = span[Prefix.Length..];
        }
        else if (span.StartsWith("#"))
        {
            span = span[1..];
        }

        return int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
