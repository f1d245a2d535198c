using Microsoft.Playwright;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Moves through a page with Tab alone, as a keyboard user does, checking on the way that every control that takes
/// focus shows a focus ring a person can see.
/// </summary>
public static class KeyboardNavigation
{
    private const string FocusedMatches = """
        selector => {
          const el = document.activeElement;
          return !!el && el !== document.body && (el.matches(selector) || !!el.closest(selector));
        }
        """;

    /// <summary>Null when the focused element (or the field or button that draws its ring) shows an outline of 2 px or more.</summary>
    private const string MissingRing = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return 'nothing is focused';
          const ringed = [el, el.closest('.mud-input'), el.closest('.mud-icon-button'), el.closest('.mud-switch-span')].filter(e => e);
          for (const candidate of ringed) {
            const style = getComputedStyle(candidate);
            if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) return null;
          }
          const id = el.getAttribute('data-testid') || el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 40);
          return `${el.tagName.toLowerCase()} "${id}" has no visible focus ring`;
        }
        """;

    /// <summary>
    /// Presses Tab (or Shift+Tab) until the focused element matches <paramref name="selector"/> or sits inside an
    /// element that does, and returns how many presses it took. Fails when it is not reached, or when a stop on the way
    /// shows no focus ring.
    /// </summary>
    public static async Task<int> TabToAsync(IPage page, string selector, bool backwards = false, int max = 40)
    {
        ArgumentNullException.ThrowIfNull(page);
        var stops = new List<string>();
        for (var presses = 1; presses <= max; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var missing = await page.EvaluateAsync<string?>(MissingRing);
            Assert.True(missing is null, missing);
            if (await page.EvaluateAsync<bool>(FocusedMatches, selector))
            {
                return presses;
            }

            stops.Add(await page.EvaluateAsync<string>(Describe));
        }

        Assert.Fail($"{max} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {selector}. Stops: {string.Join(" | ", stops)}");
        return max;
    }

    private const string Describe = """
        () => {
          const el = document.activeElement;
          if (!el) return '(none)';
          return el.tagName.toLowerCase() + '[' + (el.getAttribute('data-testid') || el.getAttribute('aria-label') || el.getAttribute('type') || (el.textContent || '').trim().slice(0, 30)) + ']';
        }
        """;

    /// <summary>Waits until focus is on (or inside) the element matching <paramref name="selector"/>, e.g. once a dialog has opened.</summary>
    public static async Task WaitForFocusAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync(FocusedMatches, selector, new PageWaitForFunctionOptions { Timeout = BrowserSession.Timeout });
    }

    /// <summary>True when the focused element matches <paramref name="selector"/> or sits inside an element that does.</summary>
    public static Task<bool> IsFocusedAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>(FocusedMatches, selector);
    }

    /// <summary>
    /// Where the keyboard is in an open list or menu: the focused element, and the option MudBlazor highlights with
    /// <c>mud-selected-item</c> (a MudSelect keeps focus on its input and moves only the highlight).
    /// </summary>
    private const string HighlightState = """
        () => {
          const el = document.activeElement;
          const focused = el ? (el.id || el.getAttribute('data-testid') || el.tagName + ':' + (el.textContent || '').trim().slice(0, 40)) : '';
          const active = document.querySelector('.mud-popover-open .mud-selected-item');
          return focused + '|' + (active ? (active.id || (active.textContent || '').trim().slice(0, 40)) : '');
        }
        """;

    private const string HighlightMoved = """
        before => {
          const el = document.activeElement;
          const focused = el ? (el.id || el.getAttribute('data-testid') || el.tagName + ':' + (el.textContent || '').trim().slice(0, 40)) : '';
          const active = document.querySelector('.mud-popover-open .mud-selected-item');
          return focused + '|' + (active ? (active.id || (active.textContent || '').trim().slice(0, 40)) : '') !== before;
        }
        """;

    /// <summary>
    /// With a list or menu open, presses ArrowDown until <paramref name="option"/> has focus or is the highlighted
    /// option, waiting after each press for the focus or the highlight to move, so that a slow render never makes it
    /// press past the option. Fails when the option is not reached in <paramref name="max"/> presses.
    /// </summary>
    public static async Task ArrowDownToOptionAsync(IPage page, ILocator option, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(option);
        for (var presses = 0; presses < max; presses++)
        {
            if (await IsOnOptionAsync(option))
            {
                return;
            }

            var before = await page.EvaluateAsync<string>(HighlightState);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForFunctionAsync(HighlightMoved, before, new PageWaitForFunctionOptions { Timeout = BrowserSession.Timeout });
        }

        Assert.True(await IsOnOptionAsync(option), $"{max} presses of ArrowDown never reached the option.");
    }

    private static Task<bool> IsOnOptionAsync(ILocator option) =>
        option.EvaluateAsync<bool>("o => o === document.activeElement || o.contains(document.activeElement) || o.classList.contains('mud-selected-item')");
}
