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
  timeZone: function () {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch {
      return "UTC";
    }
  }
};
