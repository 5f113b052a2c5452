// The article's body as one editor (issue 14), over Django's inline block forms: every block
// is still a form of the formset, so saving, drafts, autosave (desk.js) and validation work
// as before. Compact blocks in reading order that open on focus, a "+" between blocks,
// Enter for a new paragraph, drag and drop (SortableJS) and Alt+Arrow moves, positions
// written from the order, bold/italic/links, and pasting that makes blocks by the importer's
// rules. No inline code or style: strict CSP.
// Its parts, loaded before this file in this order: body-lines.js (lines and marks read from
// HTML), body-editor-core.js (the editor object and the fields), body-editor-blocks.js
// (controls, adding, moving, deleting), body-editor-marks.js, body-editor-paste.js.
// This file puts them together and starts the editor on the page.
(function () {
  "use strict";
  const Body = window.NewsroomBody;

  function start() {
    const ed = Body && Body.core(document.getElementById("blocks-group"));
    if (!ed) return;
    Body.blocks(ed);
    Body.marks(ed);
    Body.paste(ed);
    const { list, template, field, kindOf, shortLabel, TEXTLESS } = ed;

    // Forms come back from the server in their form order: show them in reading order.
    const rows = Array.from(list.querySelectorAll(".inline-related:not(.empty-form)"));
    const at = (row) => {
      const value = parseInt((field(row, "position") || {}).value, 10);
      return Number.isNaN(value) ? Infinity : value;
    };
    rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) => at(a.row) - at(b.row) || a.i - b.i)
      .forEach(({ row }) => list.insertBefore(row, template));
    rows.forEach(ed.enhance);
    // Sent back with an error elsewhere, the form keeps what the editor had done to each
    // block: deleted (new blocks too), or marked "Recognised as …" and not yet accepted.
    for (const row of rows) {
      ed.showDeleted(row, ed.isDeleted(row));
      ed.showRecognisedFromForm(row);
    }
    const startControl = document.createElement("div");
    startControl.className = "newsroom-gap newsroom-start";
    startControl.append(ed.insertControl((kind) => {
      const added = ed.newBlock(null, kind, null);
      if (added) {
        ed.focusBlock(added, false);
        ed.changed();
      }
    }));
    ed.help.after(startControl);
    ed.renumber();

    // Open the block being worked on; the others stay one line each.
    list.addEventListener("focusin", (event) => {
      const row = event.target.closest(".newsroom-block");
      if (!row) return;
      for (const other of list.querySelectorAll(".newsroom-open")) {
        if (other !== row && !other.classList.contains("newsroom-has-errors")) other.classList.remove("newsroom-open");
      }
      row.classList.add("newsroom-open");
    });

    if (window.Sortable) {
      window.Sortable.create(list, {
        draggable: ".newsroom-block",
        handle: ".newsroom-handle",
        forceFallback: true, // mouse and touch events, the same in every browser
        animation: 0,
        onEnd: (event) => {
          ed.renumber();
          const row = event.item;
          ed.announce(shortLabel(kindOf(row)) + " moved to position " + (ed.blocks().indexOf(row) + 1) + ".");
          ed.changed();
        },
      });
    }

    // A block added and never written (Enter at the end, "+") is not saved as an empty one.
    ed.form.addEventListener("submit", () => {
      for (const row of ed.blocks()) {
        const empty = !TEXTLESS.has(kindOf(row)) && !(field(row, "text") || {}).value;
        const original = (field(row, "id") || {}).value;
        const photo = field(row, "photo");
        if (empty && !original && !(field(row, "credit") || {}).value && !(photo && photo.files && photo.files.length)) {
          ed.remove(row);
        }
      }
      ed.renumber();
    }, true);

    // desk.js restores an autosave into the fields by name: first make the blocks it names.
    document.addEventListener("newsroom:restoring", (event) => {
      const wanted = parseInt(event.detail[ed.PREFIX + "-TOTAL_FORMS"], 10) || 0;
      while (parseInt(ed.totalForms.value, 10) < wanted) {
        if (!ed.newBlock(ed.blocks()[ed.blocks().length - 1] || null, "paragraph", null)) break;
      }
    });
    document.addEventListener("newsroom:restored", () => {
      const all = Array.from(list.querySelectorAll(".newsroom-block"));
      all.sort((a, b) => at(a) - at(b)).forEach((row) => {
        list.insertBefore(row, template);
        ed.showDeleted(row, ed.isDeleted(row));
        ed.showKind(row);
        ed.load(row);
        ed.showRecognisedFromForm(row);
      });
      ed.renumber();
    });
  }

  if (window.django && window.django.jQuery) window.django.jQuery(start); // after inlines.js
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
