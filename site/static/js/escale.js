/* Escale — progressive enhancements only: every feature works without this file. */
(function () {
  "use strict";

  // Text size: apply at once and save in the background; the form still posts normally if fetch fails.
  document.querySelectorAll("[data-text-size-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch || !window.FormData) {
        return;
      }
      event.preventDefault();
      var data = new FormData(form);
      data.set(button.name, button.value);
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin", redirect: "manual" })
        .then(function () {
          document.documentElement.setAttribute("data-text-size", button.value);
          form.querySelectorAll("button[name='size']").forEach(function (other) {
            other.setAttribute("aria-pressed", other === button ? "true" : "false");
          });
        })
        .catch(function () {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = button.name;
          input.value = button.value;
          form.appendChild(input);
          form.submit();
        });
    });
  });
})();
