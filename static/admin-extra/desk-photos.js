// The article screen's photos, teaser links and language guess (issue 14). No inline code:
// addresses come from data attributes (#desk-screen, [data-desk-language]).
(function () {
  "use strict";
  const TYPING_MS = 400;

  function debounce(fn, ms) {
    let timer = null;
    return function (...args) {
      clearTimeout(timer);
      timer = setTimeout(() => fn.apply(this, args), ms);
    };
  }

  // Photos: a preview as soon as a file is chosen; a kept photo can be dropped.
  function showPreview(input) {
    const frame = input.closest("[data-desk-photo]");
    if (!frame) return;
    const thumb = frame.querySelector("[data-desk-photo-thumb]");
    const file = input.files && input.files[0];
    if (!file) return;
    // A newly chosen file replaces a kept one (the server prefers the new file too).
    const token = frame.querySelector("[data-desk-photo-token]");
    if (token) token.value = "";
    const kept = frame.querySelector("[data-desk-photo-kept]");
    if (kept) kept.remove();
    const reader = new FileReader();
    // A data: address, which the CSP's img-src allows (a blob: one it does not).
    reader.addEventListener("load", () => {
      thumb.src = reader.result;
      thumb.hidden = false;
    });
    reader.readAsDataURL(file);
    openDetails(frame);
  }

  function dropKept(button) {
    const frame = button.closest("[data-desk-photo]");
    frame.querySelector("[data-desk-photo-token]").value = "";
    const thumb = frame.querySelector("[data-desk-photo-thumb]");
    thumb.removeAttribute("src");
    thumb.hidden = true;
    button.closest("[data-desk-photo-kept]").remove();
  }

  // The photo sits in a collapsed "Photo and credit" section: open it when there is a photo.
  function openDetails(element) {
    const details = element.closest("details");
    if (details) details.open = true;
  }

  // Teasers: where each goes, on load and as the editor types.
  function blockRow(element) {
    return element.closest(".inline-related");
  }

  function field(row, suffix) {
    return row.querySelector("[name$='-" + suffix + "']:not([name*='__prefix__'])");
  }

  function teaserLine(row) {
    let line = row.querySelector("[data-desk-teaser-link]");
    if (!line) {
      line = document.createElement("p");
      line.className = "help desk-teaser-link";
      line.setAttribute("data-desk-teaser-link", "");
      line.setAttribute("aria-live", "polite");
      field(row, "text").insertAdjacentElement("afterend", line);
    }
    return line;
  }

  // What each teaser row was last asked about: the article chooser (select2) announces a
  // "change" as it starts, which must not ask again what the screen asked on load.
  const lastAsked = new WeakMap();

  // What the screen asks about a teaser row, or null for a row of another kind.
  function teaserQuery(row) {
    const kind = field(row, "kind");
    const text = field(row, "text");
    if (!kind || !text) return null;
    if (kind.value !== "teaser") {
      const existing = row.querySelector("[data-desk-teaser-link]");
      if (existing) existing.remove();
      lastAsked.delete(row);
      return null;
    }
    const linkUrl = field(row, "link_url");
    const linkArticle = field(row, "link_article");
    return {
      text: text.value,
      initial_text: text.defaultValue,
      link_url: linkUrl ? linkUrl.value : "",
      link_article: linkArticle ? linkArticle.value : "",
    };
  }

  function showWhere(row, where) {
    const line = teaserLine(row);
    line.dataset.goes = where.goes;
    line.textContent = "Readers: " + where.label + " ";
    if (where.href) {
      const link = document.createElement("a");
      link.href = where.href;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "Open it";
      line.append(link);
    }
  }

  function notChecked(row) {
    teaserLine(row).textContent = "Where this teaser links could not be checked just now.";
  }

  // One teaser, as the editor types.
  function showTeaserLink(row, url) {
    const query = teaserQuery(row);
    if (!query || lastAsked.get(row) === JSON.stringify(query)) return;
    lastAsked.set(row, JSON.stringify(query));
    fetch(url + "?" + new URLSearchParams(query), { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((where) => showWhere(row, where))
      .catch(() => {
        lastAsked.delete(row); // asked again on the next edit
        notChecked(row);
      });
  }

  // Every teaser as the screen opens, in one request (a story may hold 80 of them).
  function showTeaserLinks(rows, url, token) {
    const teasers = rows.map((row) => ({ row, query: teaserQuery(row) })).filter((t) => t.query);
    if (!teasers.length) return;
    for (const t of teasers) lastAsked.set(t.row, JSON.stringify(t.query));
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ teasers: teasers.map((t) => t.query) }),
    })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((answer) => teasers.forEach((t, i) => showWhere(t.row, answer.destinations[i])))
      .catch(() => teasers.forEach((t) => {
        lastAsked.delete(t.row);
        notChecked(t.row);
      }));
  }

  // Language: the guess from the headline, standfirst and the body's opening blocks.
  function bodyTexts(form) {
    const rows = Array.from(form.querySelectorAll(".inline-related")).filter((row) => {
      const text = field(row, "text");
      const remove = field(row, "DELETE");
      return text && !row.id.endsWith("-empty") && !(remove && remove.checked);
    });
    const numbered = rows.map((row, index) => {
      const position = field(row, "position");
      const number = position && position.value !== "" ? Number(position.value) : Infinity;
      return { number: number, index: index, text: field(row, "text").value };
    });
    numbered.sort((a, b) => a.number - b.number || a.index - b.index);
    return numbered.map((block) => block.text);
  }

  function guessLanguage(form, box) {
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const body = new FormData();
    for (const name of ["headline", "dek"]) {
      const input = form.querySelector("[name='" + name + "']");
      body.append(name, input ? input.value : "");
    }
    for (const text of bodyTexts(form).slice(0, 5)) body.append("text", text);
    fetch(box.dataset.guessUrl, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
    })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((guess) => {
        const chosen = box.querySelector("select").value !== "guess";
        const line = box.querySelector("[data-desk-language-guess]");
        line.dataset.language = guess.language;
        line.textContent = guess.label + (chosen ? "; the language you chose is kept instead." : ".");
      })
      .catch(() => {});
  }

  function start() {
    for (const thumb of document.querySelectorAll("[data-desk-photo-thumb][src]")) openDetails(thumb);
    document.addEventListener("change", (event) => {
      if (event.target.matches("[data-desk-photo] input[type=file]")) showPreview(event.target);
    });
    document.addEventListener("click", (event) => {
      const button = event.target.closest("[data-desk-photo-drop]");
      if (button) dropKept(button);
    });

    const screen = document.getElementById("desk-screen");
    const form = screen && screen.closest("form");
    if (!form) return;
    const teaserUrl = screen.dataset.teaserUrl;
    const rows = () => Array.from(form.querySelectorAll(".inline-related")).filter((row) => field(row, "kind"));
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    showTeaserLinks(rows(), screen.dataset.teasersUrl, token);
    const pending = new Map();
    const refreshTeaser = (row) => {
      if (!pending.has(row)) pending.set(row, debounce(() => showTeaserLink(row, teaserUrl), TYPING_MS));
      pending.get(row)();
    };
    const onEdit = (event) => {
      const row = blockRow(event.target);
      if (row && field(row, "kind")) refreshTeaser(row);
    };
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    // The article chooser is a select2 widget, whose changes only jQuery hears.
    if (window.django && window.django.jQuery) window.django.jQuery(form).on("change", "select", onEdit);

    // Hebrew or Arabic typed into a box reads right to left there too, as it will on the page.
    const readsBothWays = (input) => {
      if (input.matches("input[type=text], textarea") && !input.hasAttribute("dir")) input.dir = "auto";
    };
    form.querySelectorAll("input[type=text], textarea").forEach(readsBothWays);
    form.addEventListener("focusin", (event) => readsBothWays(event.target));  // rows added later

    const box = form.querySelector("[data-desk-language]");
    if (box) {
      const guess = debounce(() => guessLanguage(form, box), TYPING_MS);
      guessLanguage(form, box);
      form.addEventListener("input", (event) => {
        if (event.target.matches("[name=headline], [name=dek], [name$='-text']")) guess();
      });
      form.addEventListener("change", (event) => {
        if (event.target.matches("[name$='-position'], [name$='-DELETE'], [name=language]")) guess();
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
