// The skip link moves focus to the page's main content. Blazor would treat "#main" as a navigation to the base address,
// so it is handled here, before Blazor's own link handling sees the click.
document.addEventListener("click", function (event) {
  const link = event.target instanceof Element ? event.target.closest(".ih-skip-link") : null;
  if (!link) {
    return;
  }

  event.preventDefault();
  event.stopPropagation();
  const main = document.getElementById("main");
  if (main) {
    main.focus();
    main.scrollIntoView({ block: "start" });
  }
}, true);

// Plain server-rendered forms (set-up, sign-in) show the server's message under a field until the next submit. Once the
// person changes the field, that message is about text that is no longer there: hide it, and the field's error mark.
document.addEventListener("input", function (event) {
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || !field.closest("form.ih-form")) {
    return;
  }

  field.classList.remove("invalid");
  field.removeAttribute("aria-invalid");
  // The field's messages follow it, before the next field's label (help text may sit in between).
  for (let next = field.nextElementSibling; next && !next.matches("label, input, textarea, select, button"); next = next.nextElementSibling) {
    if (next.matches(".validation-message, .ih-field-error")) {
      next.hidden = true;
    }
  }
});

// Limited text fields (LimitedTextField) count in the browser as the person types, so the count is live without a round
// trip per keystroke. The server still checks the limit when the field is left and when the form is sent; nothing is
// ever cut. The counter's own text node is updated in place, so Blazor keeps owning it.
document.addEventListener("input", function (event) {
  const field = event.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !field.dataset.limit) {
    return;
  }

  const max = Number(field.dataset.limit);
  const control = field.closest(".mud-input-control");
  const counter = control ? control.querySelector(".mud-input-helper-text .ms-auto") : null;
  const length = field.value.length;
  const over = length > max;
  if (control) {
    control.classList.toggle("ih-over-limit", over);
  }

  if (counter && counter.childNodes.length === 1 && counter.firstChild.nodeType === Node.TEXT_NODE) {
    counter.firstChild.nodeValue = over
      ? `${length} / ${max} · ${length - max} too many`
      : `${length} / ${max}`;
    if (over) {
      counter.setAttribute("role", "status");
    }
  }
});

window.incidentHub = {
  focus: function (selector) {
    const element = document.querySelector(selector);
    if (element) {
      element.scrollIntoView({ behavior: "smooth", block: "center" });
      element.focus({ preventScroll: true });
    }
  },
  markInteractive: function () {
    document.body.dataset.interactive = "true";
  },
  // Similar past incidents while declaring (SimilarWhileDeclaring): once the person pauses typing in one of the fields,
  // their current texts go to the component, which asks Core. The fields still hand their values to the form the usual
  // way (on change), so nothing typed depends on this. Returns an object whose dispose() stops listening.
  watchTyping: function (dotNet, selectors, delay) {
    let timer = null;
    const read = function (selector) {
      const field = document.querySelector(selector);
      return field ? field.value.slice(0, 2000) : "";
    };
    const onInput = function (event) {
      const field = event.target;
      if (!(field instanceof Element) || !selectors.some(function (s) { return field.matches(s); })) {
        return;
      }

      clearTimeout(timer);
      timer = setTimeout(function () {
        dotNet.invokeMethodAsync("TypedAsync", selectors.map(read)).catch(function () { });
      }, delay);
    };
    document.addEventListener("input", onInput);
    return {
      dispose: function () {
        clearTimeout(timer);
        document.removeEventListener("input", onInput);
      }
    };
  },
  timeZone: function () {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch {
      return "UTC";
    }
  }
};
