// The body editor's shared part (issue 14): the editor object `ed` that the other files
// (body-editor-blocks.js, -marks.js, -paste.js, then body-editor.js, which starts it) add
// their functions to. Here: the form's pieces, the kinds, the announcements, and the
// writing of each block's editable text into its form fields. Plain ordered scripts, not
// ES modules: the admin's static files are hashed in production, and a module's imports
// would name the unhashed files.
(function () {
  "use strict";
  const Body = (window.NewsroomBody = window.NewsroomBody || {});
  const PREFIX = "blocks";
  const MARKED = new Set(["paragraph", "quote", "bulleted_list", "numbered_list"]);
  const LISTS = new Set(["bulleted_list", "numbered_list"]);
  const TEXTLESS = new Set(["divider", "embed"]);
  // The kind as the one-line block shows it (the form's select has the full names).
  const BADGES = {
    caption: "Caption", teaser: "Teaser", furniture: "Hidden junk", embed: "Embed",
    bulleted_list: "Bullets", numbered_list: "Numbered",
  };

  // The editor over the inline group `group`, or null when the page has no body editor.
  Body.core = function (group) {
    const Lines = window.NewsroomLines;
    if (!group || !Lines) return null;
    const list = group.querySelector("fieldset.module");
    const template = document.getElementById(PREFIX + "-empty");
    const ed = {
      PREFIX, MARKED, LISTS, TEXTLESS, Lines, group, list, template,
      form: group.closest("form"),
      addLink: group.querySelector(".add-row a"),
      totalForms: document.getElementById("id_" + PREFIX + "-TOTAL_FORMS"),
      maxForms: document.getElementById("id_" + PREFIX + "-MAX_NUM_FORMS"),
      kindLabels: {},
    };
    for (const option of template.querySelector("select[name$='-kind']").options) {
      ed.kindLabels[option.value] = option.textContent;
    }
    group.classList.add("newsroom-editor");

    // The help line, the announcements for screen readers and a visible status line.
    const help = document.createElement("p");
    help.className = "help newsroom-editor-help";
    help.textContent =
      "Type or paste the story: pasted paragraphs become blocks. Enter starts a new paragraph; " +
      "Alt+Up and Alt+Down move a block (or drag its handle); Ctrl+B bold, Ctrl+I italic, Ctrl+K link.";
    const status = document.createElement("p");
    status.className = "newsroom-editor-status";
    status.id = "newsroom-body-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    list.querySelector(".inline-heading").after(help);
    group.append(status);
    ed.help = help;
    ed.announce = function (message) {
      status.textContent = "";
      window.setTimeout(() => { status.textContent = message; }, 30);
    };
    ed.changed = function () {
      ed.form.dispatchEvent(new Event("input")); // desk.js autosaves on input
    };

    const field = (ed.field = (row, name) => document.getElementById("id_" + row.id + "-" + name));
    const kindOf = (ed.kindOf = (row) => (field(row, "kind") || {}).value || "paragraph");
    const labelOf = (kind) => ed.kindLabels[kind] || kind;
    const shortLabel = (ed.shortLabel = (kind) => labelOf(kind).replace(/ \(.*\)$/, ""));
    ed.blocks = () => Array.from(list.querySelectorAll(".newsroom-block:not(.newsroom-deleted)"));
    const editableOf = (ed.editableOf = (row) => row.querySelector(".newsroom-editable"));
    const isMarked = (ed.isMarked = (row) => MARKED.has(kindOf(row)));

    // Positions come from the order on the screen, never typed.
    // Numbers already in reading order are left as they are, so opening and saving an
    // article unchanged changes nothing.
    ed.renumber = function () {
      const rows = ed.blocks();
      const values = rows.map((row) => parseInt((field(row, "position") || {}).value, 10));
      const inOrder = values.every((value, i) => !Number.isNaN(value) && (i === 0 || value > values[i - 1]));
      rows.forEach((row, i) => {
        const position = field(row, "position");
        if (position && !inOrder) position.value = String(i);
        const editable = editableOf(row);
        const name = shortLabel(kindOf(row)) + " " + (i + 1) + " of " + rows.length;
        if (editable) editable.setAttribute("aria-label", name);
        row.querySelector(".newsroom-handle").setAttribute("aria-label", "Move " + name + " (drag, or Alt+Up / Alt+Down)");
      });
    };

    // The editable text and the form's fields: text plain, html with the marks.
    ed.sync = function (row) {
      const editable = editableOf(row);
      const text = field(row, "text");
      if (!editable || !text) return;
      const lines = Lines.readLines(editable);
      const joiner = LISTS.has(kindOf(row)) ? "\n" : " ";
      const typed = lines.map((line) => line.text).join(joiner);
      // The stored text may space itself differently from the screen: same words, kept.
      if (typed.replace(/\s+/g, " ").trim() !== text.value.replace(/\s+/g, " ").trim()) text.value = typed;
      const html = field(row, "html");
      const marked = lines.map((line) => line.html).join(joiner);
      // As the server keeps it (articles/inline.py): html only when it carries a mark.
      if (html) html.value = isMarked(row) && marked.includes("<") ? marked : "";
      row.querySelector(".newsroom-summary").textContent = "";
    };
    ed.fill = function (row, content, quiet) {
      const editable = editableOf(row);
      const lists = LISTS.has(kindOf(row));
      const markup = isMarked(row) && content.html ? content.html : Lines.escapeText(content.text || "");
      editable.innerHTML = lists
        ? markup.split("\n").map((line) => "<div>" + (line || "<br>") + "</div>").join("")
        : markup;
      if (!quiet) ed.sync(row);
    };
    // The block's fields as the server sent them, shown in its editable text.
    ed.load = function (row) {
      const html = field(row, "html");
      ed.fill(row, { text: (field(row, "text") || {}).value || "", html: html ? html.value : "" }, true);
    };

    ed.showKind = function (row) {
      const kind = kindOf(row);
      row.dataset.kind = kind;
      row.querySelector(".newsroom-kind").textContent = BADGES[kind] || shortLabel(kind);
      const editable = editableOf(row);
      editable.hidden = TEXTLESS.has(kind);
      editable.setAttribute("aria-multiline", LISTS.has(kind) ? "true" : "false");
      const summary = row.querySelector(".newsroom-summary");
      if (kind === "embed") summary.textContent = (field(row, "embed_url") || {}).value || "Give the address below";
      else if (kind === "divider") summary.textContent = "A line between parts of the story";
      else summary.textContent = "";
      ed.renumber();
    };

    // A recognised block's own fields: a caption's credit, a quote's speaker, an embed's card.
    ed.setFields = function (row, content) {
      for (const name of ["credit", "attribution", "embed_url", "embed_title", "embed_description"]) {
        const input = field(row, name);
        if (input && content[name]) input.value = content[name];
      }
      if (content.embed_url) ed.showKind(row);
    };

    ed.button = function (label, className, text) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = className;
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.title = label;
      return b;
    };
    return ed;
  };
})();
