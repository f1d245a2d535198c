using Ganss.Xss;
using Markdig;

namespace IncidentHub.Core.Markdown;

/// <summary>
/// The one renderer for Markdown that people write (review sections, follow-ups): Markdig with raw HTML switched off
/// and an explicit list of extensions, then HtmlSanitizer with explicit lists of tags, attributes and schemes (nothing
/// inherited from its defaults). No script, no event handler, no style, no <c>javascript:</c> or <c>data:</c> link,
/// and no remote image (which would tell a third party who reads the review and when) unless its host is allowed.
/// </summary>
public sealed class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "sub", "sup", "mark", "code", "pre",
        "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input",
    ];

    private static readonly string[] Attributes = ["href", "src", "alt", "title", "type", "checked", "disabled", "start", "align"];

    private static readonly string[] Schemes = ["http", "https", "mailto"];

    private readonly HashSet<string> _imageHosts;

    /// <param name="allowedImageHosts">Hosts whose images may be shown (exact host names); none by default.</param>
    public SafeMarkdown(IEnumerable<string>? allowedImageHosts = null)
    {
        _imageHosts = new HashSet<string>(allowedImageHosts ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Safe HTML for <paramref name="markdown"/> (empty for empty text).</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        return CreateSanitizer().Sanitize(html);
    }

    private HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(Tags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(Attributes);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(Schemes);
        sanitizer.UriAttributes.Clear();
        sanitizer.UriAttributes.UnionWith(["href", "src"]);
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                PostProcess(element);
            }
        };
        return sanitizer;
    }

    private void PostProcess(AngleSharp.Dom.IElement element)
    {
        switch (element.LocalName)
        {
            case "img":
                var src = element.GetAttribute("src");
                Uri? uri = null;
                if (src is null || !Uri.TryCreate(src, UriKind.Absolute, out uri) || !_imageHosts.Contains(uri.Host))
                {
                    // Not fetched: a link to it instead, which the reader may choose to open.
                    var alt = element.GetAttribute("alt");
                    var label = string.IsNullOrWhiteSpace(alt) ? "Image (not shown)" : $"Image (not shown): {alt}";
                    var document = element.Owner!;
                    AngleSharp.Dom.INode replacement = document.CreateTextNode(label);
                    if (uri is not null && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                    {
                        var link = document.CreateElement("a");
                        link.SetAttribute("href", uri.AbsoluteUri);
                        link.SetAttribute("rel", "noopener noreferrer nofollow");
                        link.TextContent = label;
                        replacement = link;
                    }

                    element.Replace(replacement);
                }

                break;
            case "a":
                element.SetAttribute("rel", "noopener noreferrer nofollow");
                break;
            case "input" when element.GetAttribute("type") != "checkbox":
                element.Remove();
                break;
            case "input":
                element.SetAttribute("disabled", "disabled");
                break;
        }
    }
}
