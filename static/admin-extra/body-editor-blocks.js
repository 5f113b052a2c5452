// The body editor's blocks (issue 14): each block's controls, the "+" between blocks,
// adding, moving, deleting and restoring blocks, and the keys that do so (Enter for a new
// paragraph, Alt+Arrow moves, Backspace in an empty block). Added to the editor object
// made by body-editor-core.js.
(function () {
  "use strict";
  const INSERTABLE = [
    "paragraph", "subheading", "quote", "bulleted_list", "numbered_list", "divider", "embed",
    "caption", "teaser",
  ];

  window.NewsroomBody.blocks = function (ed) {
    const { field, kindOf, shortLabel, editableOf, button, LISTS, TEXTLESS } = ed;

    // One block's controls: handle, kind, the text itself, marks, moves, insert and delete.
    ed.enhance = function (row) {
      if (row.dataset.enhanced) return;
      row.dataset.enhanced = "1";
      row.classList.add("newsroom-block");
      if (row.querySelector(".errorlist, .errornote")) row.classList.add("newsroom-open", "newsroom-has-errors");
      const bar = document.createElement("div");
      bar.className = "newsroom-bar";
      const handle = button("Move", "newsroom-handle", "⠿");
      const kind = document.createElement("span");
      kind.className = "newsroom-kind";
      const editable = document.createElement("div");
      editable.className = "newsroom-editable";
      editable.contentEditable = "true";
      editable.setAttribute("role", "textbox");
      editable.dir = "auto";
      editable.spellcheck = true;
      const summary = document.createElement("span");
      summary.className = "newsroom-summary";
      const recognised = document.createElement("span");
      recognised.className = "newsroom-recognised";
      recognised.hidden = true;
      const marks = document.createElement("span");
      marks.className = "newsroom-marks";
      marks.append(
        button("Bold (Ctrl+B)", "newsroom-bold", "B"),
        button("Italic (Ctrl+I)", "newsroom-italic", "I"),
        button("Link (Ctrl+K)", "newsroom-link", "Link"),
      );
      const moves = document.createElement("span");
      moves.className = "newsroom-moves";
      moves.append(
        button("Move up (Alt+Up)", "newsroom-up", "↑"),
        button("Move down (Alt+Down)", "newsroom-down", "↓"),
        button("Delete this block", "newsroom-delete", "✕"),
      );
      bar.append(handle, kind, editable, summary, recognised, marks, moves);
      const gap = document.createElement("div");
      gap.className = "newsroom-gap";
      gap.append(ed.insertControl((kindName) => insertAfter(row, kindName)));
      const undo = document.createElement("p");
      undo.className = "newsroom-undo";
      undo.append(document.createElement("span"), button("Undo the delete", "newsroom-undelete", "Undo"));
      row.prepend(bar);
      row.append(gap, undo);

      ed.load(row);
      ed.showKind(row);
      field(row, "kind").addEventListener("change", () => {
        ed.showKind(row);
        ed.load(row); // from the fields: a kind without marks shows the plain text
        ed.sync(row);
      });
      const url = field(row, "embed_url");
      if (url) url.addEventListener("input", () => ed.showKind(row));
      editable.addEventListener("input", () => ed.sync(row));
      editable.addEventListener("keydown", (event) => onKey(row, event));
      editable.addEventListener("paste", (event) => ed.onPaste(row, event));
      handle.addEventListener("keydown", (event) => {
        if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
          event.preventDefault();
          move(row, event.key === "ArrowUp" ? -1 : 1);
        }
      });
      for (const b of marks.querySelectorAll("button")) {
        b.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
      }
      marks.querySelector(".newsroom-bold").addEventListener("click", () => ed.mark(row, "bold"));
      marks.querySelector(".newsroom-italic").addEventListener("click", () => ed.mark(row, "italic"));
      marks.querySelector(".newsroom-link").addEventListener("click", () => ed.linkSelection(row));
      moves.querySelector(".newsroom-up").addEventListener("click", () => move(row, -1));
      moves.querySelector(".newsroom-down").addEventListener("click", () => move(row, 1));
      moves.querySelector(".newsroom-delete").addEventListener("click", () => remove(row));
      undo.querySelector("button").addEventListener("click", () => restore(row));
    };

    // The "+" between blocks: a small menu of the kinds to insert.
    ed.insertControl = function (onPick) {
      const wrapper = document.createElement("div");
      wrapper.className = "newsroom-insert";
      const plus = button("Insert a block here", "newsroom-plus", "+");
      plus.setAttribute("aria-expanded", "false");
      const menu = document.createElement("div");
      menu.className = "newsroom-insert-menu";
      menu.hidden = true;
      for (const kind of INSERTABLE) {
        if (!ed.kindLabels[kind]) continue;
        const name = shortLabel(kind).toLowerCase();
        const choice = button("Insert " + (/^[aeiou]/.test(name) ? "an " : "a ") + name, "newsroom-insert-kind", shortLabel(kind));
        choice.dataset.kind = kind;
        choice.addEventListener("click", () => {
          menu.hidden = true;
          plus.setAttribute("aria-expanded", "false");
          onPick(kind);
        });
        menu.append(choice);
      }
      plus.addEventListener("click", () => {
        menu.hidden = !menu.hidden;
        plus.setAttribute("aria-expanded", String(!menu.hidden));
        if (!menu.hidden) menu.querySelector("button").focus();
      });
      menu.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          menu.hidden = true;
          plus.setAttribute("aria-expanded", "false");
          plus.focus();
        }
      });
      wrapper.append(plus, menu);
      return wrapper;
    };

    // A new block (Django's own "add" makes the form), placed after `after` (null: first).
    ed.newBlock = function (after, kind, content) {
      const max = parseInt(ed.maxForms.value, 10);
      if (!ed.addLink || (max && parseInt(ed.totalForms.value, 10) >= max)) {
        ed.announce("The story has the most blocks an article may have (" + max + "); nothing more was added.");
        return null;
      }
      ed.addLink.click();
      const row = document.getElementById(ed.PREFIX + "-" + (parseInt(ed.totalForms.value, 10) - 1));
      if (after) after.after(row);
      else ed.list.insertBefore(row, ed.blocks()[0] || ed.template);
      field(row, "kind").value = kind;
      ed.enhance(row);
      if (content) {
        ed.setFields(row, content);
        ed.fill(row, content);
      }
      ed.showKind(row);
      return row;
    };
    function insertAfter(row, kind) {
      const added = ed.newBlock(row, kind, null);
      if (added) {
        focusBlock(added, false);
        ed.announce(shortLabel(kind) + " inserted at position " + (ed.blocks().indexOf(added) + 1) + ".");
        ed.changed();
      }
    }

    const focusBlock = (ed.focusBlock = function (row, atEnd) {
      const target = TEXTLESS.has(kindOf(row)) ? row.querySelector(".newsroom-handle") : editableOf(row);
      target.focus();
      if (target !== editableOf(row)) return;
      const range = document.createRange();
      range.selectNodeContents(target);
      range.collapse(!atEnd);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    });

    // Moving swaps the neighbour past the block, so the block itself (and its focus,
    // caret and selection) never leaves the page.
    function move(row, step) {
      const rows = ed.blocks();
      const at = rows.indexOf(row);
      const other = rows[at + step];
      if (!other) {
        ed.announce(shortLabel(kindOf(row)) + " is already " + (step < 0 ? "first." : "last."));
        return;
      }
      if (step < 0) row.after(other);
      else row.before(other);
      ed.renumber();
      ed.announce(shortLabel(kindOf(row)) + " moved to position " + (at + step + 1) + ".");
      ed.changed();
    }

    const remove = (ed.remove = function (row) {
      const rows = ed.blocks();
      const at = rows.indexOf(row);
      let mark = field(row, "DELETE");
      if (!mark) {
        mark = document.createElement("input");
        mark.type = "hidden";
        mark.name = row.id + "-DELETE";
        mark.id = "id_" + row.id + "-DELETE";
        row.append(mark);
      }
      if (mark.type === "checkbox") mark.checked = true;
      else mark.value = "on";
      ed.showDeleted(row, true);
      ed.renumber();
      const next = ed.blocks()[Math.min(at, ed.blocks().length - 1)];
      if (next) focusBlock(next, at > 0 && !rows[at + 1]);
      ed.announce(shortLabel(kindOf(row)) + " deleted; Undo brings it back.");
      ed.changed();
    });
    // Whether the form says the block is deleted: a saved block's box, or the hidden mark a
    // new block gets here or from the server after an error (edit_inline/body_blocks.html).
    ed.isDeleted = function (row) {
      const mark = field(row, "DELETE");
      if (!mark) return false;
      return mark.type === "checkbox" ? mark.checked : Boolean(mark.value);
    };
    ed.showDeleted = function (row, deleted) {
      row.classList.toggle("newsroom-deleted", deleted);
      if (!deleted) return;
      const excerpt = (field(row, "text") || {}).value || "";
      row.querySelector(".newsroom-undo span").textContent =
        "Deleted " + shortLabel(kindOf(row)).toLowerCase() + (excerpt ? ": “" + excerpt.slice(0, 60) + "”" : "") + " ";
    };
    function restore(row) {
      const mark = field(row, "DELETE");
      if (mark.type === "checkbox") mark.checked = false;
      else mark.remove();
      row.classList.remove("newsroom-deleted");
      ed.renumber();
      focusBlock(row, true);
      ed.announce(shortLabel(kindOf(row)) + " is back at position " + (ed.blocks().indexOf(row) + 1) + ".");
      ed.changed();
    }

    // The text after the caret, taken out of the block as HTML (Enter, paste in mid-text).
    ed.cutTail = function (row) {
      const editable = editableOf(row);
      const selection = window.getSelection();
      if (!selection.rangeCount || !editable.contains(selection.anchorNode)) return { text: "", html: "" };
      const range = selection.getRangeAt(0);
      range.deleteContents();
      const tail = document.createRange();
      tail.setStart(range.endContainer, range.endOffset);
      tail.setEnd(editable, editable.childNodes.length);
      const holder = document.createElement("div");
      holder.append(tail.extractContents());
      const lines = ed.Lines.readLines(holder);
      ed.sync(row);
      return { text: lines.map((l) => l.text).join(" "), html: lines.map((l) => l.html).join(" ") };
    };

    function onKey(row, event) {
      const editable = editableOf(row);
      const key = event.key;
      if (event.altKey && (key === "ArrowUp" || key === "ArrowDown")) {
        event.preventDefault();
        move(row, key === "ArrowUp" ? -1 : 1);
      } else if ((event.ctrlKey || event.metaKey) && ["b", "i", "k"].includes(key.toLowerCase())) {
        event.preventDefault();
        if (key.toLowerCase() === "k") ed.linkSelection(row);
        else ed.mark(row, key.toLowerCase() === "b" ? "bold" : "italic");
      } else if (key === "Enter" && !event.shiftKey && !event.isComposing) {
        if (LISTS.has(kindOf(row))) {
          const lines = ed.Lines.readLines(editable);
          const last = editable.lastChild;
          const atEmptyEnd = last && last.textContent === "" && window.getSelection().anchorNode &&
            (last === window.getSelection().anchorNode || last.contains(window.getSelection().anchorNode));
          if (!atEmptyEnd || !lines.length) return; // a new item, as the browser does
          event.preventDefault();
          last.remove();
          ed.sync(row);
        } else {
          event.preventDefault();
        }
        const tail = LISTS.has(kindOf(row)) ? null : ed.cutTail(row);
        const added = ed.newBlock(row, "paragraph", tail && tail.text ? tail : null);
        if (added) {
          focusBlock(added, false);
          ed.renumber();
          ed.changed();
        }
      } else if (key === "Enter" && event.shiftKey && !LISTS.has(kindOf(row))) {
        event.preventDefault(); // a paragraph is one line of the story
      } else if (key === "Backspace" && editable.textContent === "" && !TEXTLESS.has(kindOf(row))) {
        const before = ed.blocks()[ed.blocks().indexOf(row) - 1];
        if (!before) return;
        event.preventDefault();
        remove(row);
        focusBlock(before, true);
      }
    }
  };
})();
