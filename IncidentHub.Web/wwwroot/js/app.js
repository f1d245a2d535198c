window.incidentHub = {
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
