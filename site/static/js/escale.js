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
  // Phone menu: the "Menu" link (works without JS through #menu:target) becomes a toggle button.
  document.querySelectorAll("[data-menu-toggle]").forEach(function (toggle) {
    var menu = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) {
      return;
    }
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");
    function setOpen(open) {
      if (open) {
        menu.setAttribute("data-open", "");
      } else {
        menu.removeAttribute("data-open");
      }
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(!menu.hasAttribute("data-open"));
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        setOpen(!menu.hasAttribute("data-open"));
      }
    });
    menu.querySelectorAll("[data-menu-close]").forEach(function (close) {
      close.addEventListener("click", function (event) {
        event.preventDefault();
        setOpen(false);
        toggle.focus();
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.hasAttribute("data-open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  });
  // Folded panels (agenda filters) start open on wide screens, where they do not push the content away.
  if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
})();
