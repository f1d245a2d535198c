using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IncidentHub.Web.Slack;

/// <summary>Slack's formats: message timestamps, mrkdwn in and out, channel names.</summary>
public static partial class SlackText
{
    /// <summary>Slack's longest channel name.</summary>
    public const int ChannelNameMax = 80;

    /// <summary>A message ts ("1665102338.901939", seconds and microseconds since the epoch) as an instant.</summary>
    public static bool TryParseTs(string? ts, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(ts) || ts.Length > 30)
        {
            return false;
        }

        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        var secondsText = dot < 0 ? ts : ts[..dot];
        var fraction = dot < 0 ? "" : ts[(dot + 1)..];
        if (!long.TryParse(secondsText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799
            || fraction.Length > 7
            || (fraction.Length > 0 && !fraction.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0'), CultureInfo.InvariantCulture);
        instant = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks);
        return true;
    }

    /// <summary>The ts Slack would write for an instant (microseconds).</summary>
    public static string FormatTs(DateTimeOffset instant)
    {
        var micro = (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return (micro / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micro % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A message's text as people read it: links, mentions and channel references shown plainly, and Slack's
    /// escapes undone. <paramref name="names"/> gives display names for user ids where known.
    /// </summary>
    public static string ToPlain(string? text, IReadOnlyDictionary<string, string>? names = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var plain = Angle().Replace(text, m =>
        {
            var inner = m.Groups[1].Value;
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : inner[(bar + 1)..];
            return target switch
            {
                ['@', .. var id] => "@" + (label ?? (names is not null && names.TryGetValue(id, out var name) ? name : id)),
                ['#', .. var channel] => "#" + (label ?? channel),
                ['!', .. var special] => "@" + (label ?? special.Split('^')[0]),
                _ => label is null || label == target ? target : $"{label} ({target})",
            };
        });
        return WebUtility.HtmlDecode(plain);
    }

    /// <summary>Text safe to put in a Slack message: &amp;, &lt; and &gt; escaped as Slack asks.</summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The user ids mentioned in a command's text (<c>&lt;@U123|name&gt;</c> or <c>&lt;@U123&gt;</c>).</summary>
    public static IReadOnlyList<string> Mentions(string? text) =>
        string.IsNullOrEmpty(text) ? [] : UserMention().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Text with user mentions taken out (what is left of <c>/inc role Scribe @sam</c> is "Scribe").</summary>
    public static string WithoutMentions(string text) => UserMention().Replace(text, "").Trim();

    /// <summary>
    /// The channel for an incident: <c>inc-&lt;n&gt;-&lt;slug&gt;</c> (or the type's prefix instead of <c>inc</c>),
    /// lower case letters, digits and hyphens, at most 80 characters.
    /// </summary>
    public static string ChannelName(int number, string incidentName, string? suffix = null, string? typePrefix = null)
    {
        var prefix = $"{(string.IsNullOrEmpty(typePrefix) ? "inc" : typePrefix)}-{number.ToString(CultureInfo.InvariantCulture)}";
        var slug = new StringBuilder();
        foreach (var c in (incidentName ?? "").Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var tail = suffix ?? "";
        var room = ChannelNameMax - prefix.Length - tail.Length - 1;
        var text = slug.ToString().Trim('-');
        if (text.Length > room)
        {
            text = text[..room].TrimEnd('-');
        }

        return text.Length == 0 ? prefix + tail : $"{prefix}-{text}{tail}";
    }

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex Angle();

    [GeneratedRegex("<@([A-Z0-9]+)(?:\\|[^>]*)?>")]
    private static partial Regex UserMention();
}
