using System.Text.Json;
using Microsoft.Playwright;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Checks that a page holds its text: nothing makes the page wider than the viewport, and no visible element sticks
/// out past its right edge unless it sits inside a container that scrolls or clips it on purpose (a code block, say).
/// </summary>
public static class LayoutProbe
{
    private const string Script = """
        () => {
          const vw = document.documentElement.clientWidth;
          const offenders = [];
          const describe = el => {
            const id = el.getAttribute('data-testid');
            const cls = (el.getAttribute('class') || '').split(/\s+/).filter(c => c).slice(0, 3).join('.');
            return el.tagName.toLowerCase() + (id ? `[data-testid=${id}]` : '') + (cls ? '.' + cls : '');
          };
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || r.right <= 0) continue;
            if (r.right <= vw + 1) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || style.position === 'fixed' && r.left >= vw) continue;
            let parent = el.parentElement, contained = false;
            while (parent && parent !== document.body) {
              if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(parent).overflowX) && parent.getBoundingClientRect().right <= vw + 1) {
                contained = true;
                break;
              }
              parent = parent.parentElement;
            }
            if (!contained) offenders.push(`${describe(el)} right=${Math.round(r.right)}`);
          }
          return JSON.stringify({ viewport: vw, scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 12) });
        }
        """;

    /// <summary>Fails with the elements that stick out when the page is wider than its viewport.</summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        var problem = await ProblemAsync(page, what);
        Assert.True(problem is null, problem);
    }

    /// <summary>What sticks out when the page is wider than its viewport, or null when it fits.</summary>
    public static async Task<string?> ProblemAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var json = await page.EvaluateAsync<string>(Script);
        using var result = JsonDocument.Parse(json);
        var viewport = result.RootElement.GetProperty("viewport").GetInt32();
        var scrollWidth = result.RootElement.GetProperty("scrollWidth").GetInt32();
        var offenders = result.RootElement.GetProperty("offenders").EnumerateArray().Select(o => o.GetString()).ToList();
        return scrollWidth <= viewport && offenders.Count == 0
            ? null
            : $"{what} is {scrollWidth} px wide in a {viewport} px viewport; sticking out: {string.Join("; ", offenders)}";
    }

    /// <summary>Null when the element is wholly inside the viewport horizontally; otherwise where it is.</summary>
    public static async Task<string?> OffScreenAsync(ILocator element, string what)
    {
        ArgumentNullException.ThrowIfNull(element);
        var box = await element.BoundingBoxAsync();
        if (box is null)
        {
            return $"{what} is not rendered.";
        }

        var width = await element.Page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        return box.X >= 0 && box.X + box.Width <= width + 1 ? null : $"{what} spans {box.X:0} to {box.X + box.Width:0} px in a {width} px viewport.";
    }
}
