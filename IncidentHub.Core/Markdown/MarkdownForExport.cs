using System.Text;
using System.Text.RegularExpressions;

namespace IncidentHub.Core.Markdown;

/// <summary>
/// People's Markdown made safe to hand to another tool (a wiki, a docs site) that may render raw HTML: outside code,
/// every <c>&lt;</c> is escaped so no tag survives, and a link or image to anything but http, https or mailto points
/// nowhere. What people wrote reads the same; only what could run is disarmed.
/// </summary>
public static partial class MarkdownForExport
{
    public static string Defang(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return "";
        }

        var result = new StringBuilder(markdown.Length + 16);
        var inFence = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                result.Append(line).Append('\n');
                continue;
            }

            result.Append(inFence ? line : DefangLine(line)).Append('\n');
        }

        return result.ToString().TrimEnd('\n');
    }

    private static string DefangLine(string line)
    {
        // Inline code keeps its text as written (a renderer shows it literally); the rest is escaped.
        var parts = line.Split('`');
        for (var i = 0; i < parts.Length; i += 2)
        {
            var text = parts[i].Replace("<", "\\<", StringComparison.Ordinal);
            parts[i] = LinkTarget().Replace(text, m => IsSafeTarget(m.Groups["target"].Value) ? m.Value : "](#");
        }

        return string.Join('`', parts);
    }

    /// <summary>
    /// A link target as a renderer reads it (entities decoded, spaces and control characters dropped) is safe when it
    /// has no scheme (a relative link, an anchor) or http, https or mailto.
    /// </summary>
    private static bool IsSafeTarget(string target)
    {
        var decoded = new string([.. System.Net.WebUtility.HtmlDecode(Uri.UnescapeDataString(target)).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || decoded.IndexOfAny(['/', '?', '#']) is var cut and >= 0 && cut < colon)
        {
            return true;
        }

        var scheme = decoded[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"](" and the link target after it, up to the closing parenthesis.</summary>
    [GeneratedRegex(@"\]\((?<target>[^)]*)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkTarget();
}
