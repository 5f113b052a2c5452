// The article form's presence line and autosave (issue 13). No inline code: the page
// carries the addresses in data attributes on #newsroom-desk.
(function () {
  "use strict";
  const POLL_MS = 3000;
  const AUTOSAVE_MS = 1500;

  function start() {
    const desk = document.getElementById("newsroom-desk");
    if (!desk) return;
    const form = desk.closest("form");
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const post = (url, body) =>
      fetch(url, { method: "POST", body: body, headers: { "X-CSRFToken": token }, credentials: "same-origin" });

    const line = document.getElementById("newsroom-presence");
    function showOthers(others) {
      line.hidden = others.length === 0;
      line.textContent = others.map((o) => o.user + " has this article open since " + o.since + ".").join(" ");
    }
    function report() {
      post(desk.dataset.presenceUrl, new FormData())
        .then((r) => (r.ok ? r.json() : { others: [] }))
        .then((data) => showOthers(data.others))
        .catch(() => {});
    }
    report();
    setInterval(report, POLL_MS);

    const status = document.getElementById("newsroom-autosave-status");
    let timer = null;
    function autosave() {
      const fields = new FormData(form);
      for (const [name, value] of Array.from(fields.entries())) {
        if (value instanceof File) fields.delete(name);
      }
      post(desk.dataset.autosaveUrl, fields)
        .then((r) => r.json())
        .then((data) => { status.textContent = "Autosaved on " + data.saved_at + " (not published)."; })
        .catch(() => { status.textContent = "Autosave failed; your text is still here."; });
    }
    form.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(autosave, AUTOSAVE_MS);
    });

    const restore = document.getElementById("newsroom-autosave-restore");
    if (restore) {
      restore.addEventListener("click", () => {
        fetch(desk.dataset.autosaveUrl, { credentials: "same-origin" })
          .then((r) => r.json())
          .then((data) => {
            // The body editor (body-editor.js) first makes the blocks the autosave names.
            document.dispatchEvent(new CustomEvent("newsroom:restoring", { detail: data.fields }));
            for (const [name, values] of Object.entries(data.fields)) {
              for (const field of form.querySelectorAll("[name='" + CSS.escape(name) + "']")) {
                if (field.type === "checkbox" || field.type === "radio") {
                  field.checked = values.includes(field.value);
                } else if (field.multiple) {
                  for (const option of field.options) option.selected = values.includes(option.value);
                } else if (field.type !== "file") {
                  field.value = values[values.length - 1];
                }
              }
            }
            document.dispatchEvent(new CustomEvent("newsroom:restored"));
            document.getElementById("newsroom-autosave").hidden = true;
            status.textContent = "The autosaved text is back in the form; save it to keep it.";
          });
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
