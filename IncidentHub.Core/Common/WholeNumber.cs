using System.Globalization;

namespace IncidentHub.Core.Common;

/// <summary>
/// A whole number typed into a form. Only digits in range count: "0", "100000", "abc" or "1.5" are refused (with the
/// allowed range in the message the caller gives), never clamped into range or replaced by an earlier value.
/// </summary>
public static class WholeNumber
{
    public static bool TryParse(string? text, int min, int max, out int value)
    {
        value = 0;
        var digits = (text ?? "").Trim();
        if (digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var parsed = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (parsed < min || parsed > max)
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
