using System.Text;

namespace IncidentHub.Core.Common;

/// <summary>
/// Text as IncidentHub stores it: only characters XML 1.0 allows, so that whatever people type or Slack delivers can
/// always be written to the Atom feed, exports and any XML a consumer reads later. A vertical tab or form feed (what
/// word processors paste for a line or page break) becomes a line break; other control characters, unpaired
/// surrogates and U+FFFE/U+FFFF are removed. They are invisible, so what the person sees is unchanged.
/// </summary>
public static class XmlSafeText
{
    public static bool IsClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text with what XML forbids replaced or removed; the same instance when there is nothing to do.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c is '\v' or '\f')
            {
                clean.Append('\n');
            }
            else if (IsAllowed(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>XML 1.0's Char production, for one UTF-16 unit that is not half of a pair.</summary>
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r'
        || (c >= '\u0020' && c <= '\uD7FF')
        || (c >= '\uE000' && c <= '\uFFFD');
}
