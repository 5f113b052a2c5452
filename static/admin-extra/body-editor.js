// The article's body as one editor (issue 14), over Django's inline block forms: every block
// is still a form of the formset, so saving, drafts, autosave (desk.js) and validation work
// as before. Here: compact blocks in reading order that open on focus, a "+" between blocks,
// Enter for a new paragraph, drag and drop (SortableJS) and Alt+Arrow moves, positions
// written from the order, bold/italic/links, and pasting that makes blocks by the importer's
// rules (the desk's read-pasted endpoint). No inline code or style: strict CSP.
(function () {
  "use strict";
  const PREFIX = "blocks";
  const MARKED = new Set(["paragraph", "quote", "bulleted_list", "numbered_list"]);
  const LISTS = new Set(["bulleted_list", "numbered_list"]);
  const TEXTLESS = new Set(["divider", "embed"]);
  const INSERTABLE = [
    "paragraph", "subheading", "quote", "bulleted_list", "numbered_list", "divider", "embed",
    "caption", "teaser",
  ];
  // The kind as the one-line block shows it (the form's select has the full names).
  const BADGES = {
    caption: "Caption", teaser: "Teaser", furniture: "Hidden junk", embed: "Embed",
    bulleted_list: "Bullets", numbered_list: "Numbered",
  };
  const Lines = window.NewsroomLines;

  function start() {
    const group = document.getElementById(PREFIX + "-group");
    if (!group || !Lines) return;
    const list = group.querySelector("fieldset.module");
    const form = group.closest("form");
    const template = document.getElementById(PREFIX + "-empty");
    const addLink = group.querySelector(".add-row a");
    const totalForms = document.getElementById("id_" + PREFIX + "-TOTAL_FORMS");
    const maxForms = document.getElementById("id_" + PREFIX + "-MAX_NUM_FORMS");
    const kindLabels = {};
    for (const option of template.querySelector("select[name$='-kind']").options) {
      kindLabels[option.value] = option.textContent;
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
    const heading = list.querySelector(".inline-heading");
    heading.after(help);
    group.append(status);
    function announce(message) {
      status.textContent = "";
      window.setTimeout(() => { status.textContent = message; }, 30);
    }
    function changed() {
      form.dispatchEvent(new Event("input")); // desk.js autosaves on input
    }

    const field = (row, name) => document.getElementById("id_" + row.id + "-" + name);
    const kindOf = (row) => (field(row, "kind") || {}).value || "paragraph";
    const labelOf = (kind) => kindLabels[kind] || kind;
    const shortLabel = (kind) => labelOf(kind).replace(/ \(.*\)$/, "");
    const blocks = () => Array.from(list.querySelectorAll(".newsroom-block:not(.newsroom-deleted)"));
    const editableOf = (row) => row.querySelector(".newsroom-editable");
    const isMarked = (row) => MARKED.has(kindOf(row));

    // Positions come from the order on the screen, never typed.
    // Numbers already in reading order are left as they are, so opening and saving an
    // article unchanged changes nothing.
    function renumber() {
      const rows = blocks();
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
    }

    // The editable text and the form's fields: text plain, html with the marks.
    function sync(row) {
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
    }
    function fill(row, content, quiet) {
      const editable = editableOf(row);
      const lists = LISTS.has(kindOf(row));
      const markup = isMarked(row) && content.html ? content.html : Lines.escapeText(content.text || "");
      editable.innerHTML = lists
        ? markup.split("\n").map((line) => "<div>" + (line || "<br>") + "</div>").join("")
        : markup;
      if (!quiet) sync(row);
    }
    // The block's fields as the server sent them, shown in its editable text.
    function load(row) {
      const html = field(row, "html");
      fill(row, { text: (field(row, "text") || {}).value || "", html: html ? html.value : "" }, true);
    }

    function showKind(row) {
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
      renumber();
    }

    function button(label, className, text) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = className;
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.title = label;
      return b;
    }

    // One block's controls: handle, kind, the text itself, marks, moves, insert and delete.
    function enhance(row) {
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
      gap.append(insertControl((kindName) => insertAfter(row, kindName)));
      const undo = document.createElement("p");
      undo.className = "newsroom-undo";
      undo.append(document.createElement("span"), button("Undo the delete", "newsroom-undelete", "Undo"));
      row.prepend(bar);
      row.append(gap, undo);

      load(row);
      showKind(row);
      field(row, "kind").addEventListener("change", () => {
        showKind(row);
        load(row); // from the fields: a kind without marks shows the plain text
        sync(row);
      });
      const url = field(row, "embed_url");
      if (url) url.addEventListener("input", () => showKind(row));
      editable.addEventListener("input", () => sync(row));
      editable.addEventListener("keydown", (event) => onKey(row, event));
      editable.addEventListener("paste", (event) => onPaste(row, event));
      handle.addEventListener("keydown", (event) => {
        if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
          event.preventDefault();
          move(row, event.key === "ArrowUp" ? -1 : 1);
        }
      });
      for (const b of marks.querySelectorAll("button")) {
        b.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
      }
      marks.querySelector(".newsroom-bold").addEventListener("click", () => mark(row, "bold"));
      marks.querySelector(".newsroom-italic").addEventListener("click", () => mark(row, "italic"));
      marks.querySelector(".newsroom-link").addEventListener("click", () => linkSelection(row));
      moves.querySelector(".newsroom-up").addEventListener("click", () => move(row, -1));
      moves.querySelector(".newsroom-down").addEventListener("click", () => move(row, 1));
      moves.querySelector(".newsroom-delete").addEventListener("click", () => remove(row));
      undo.querySelector("button").addEventListener("click", () => restore(row));
    }

    // The "+" between blocks: a small menu of the kinds to insert.
    function insertControl(onPick) {
      const wrapper = document.createElement("div");
      wrapper.className = "newsroom-insert";
      const plus = button("Insert a block here", "newsroom-plus", "+");
      plus.setAttribute("aria-expanded", "false");
      const menu = document.createElement("div");
      menu.className = "newsroom-insert-menu";
      menu.hidden = true;
      for (const kind of INSERTABLE) {
        if (!kindLabels[kind]) continue;
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
    }

    // A recognised block's own fields: a caption's credit, a quote's speaker, an embed's card.
    function setFields(row, content) {
      for (const name of ["credit", "attribution", "embed_url", "embed_title", "embed_description"]) {
        const input = field(row, name);
        if (input && content[name]) input.value = content[name];
      }
      if (content.embed_url) showKind(row);
    }

    // A new block (Django's own "add" makes the form), placed after `after` (null: first).
    function newBlock(after, kind, content) {
      const max = parseInt(maxForms.value, 10);
      if (!addLink || (max && parseInt(totalForms.value, 10) >= max)) {
        announce("The story has the most blocks an article may have (" + max + "); nothing more was added.");
        return null;
      }
      addLink.click();
      const row = document.getElementById(PREFIX + "-" + (parseInt(totalForms.value, 10) - 1));
      if (after) after.after(row);
      else list.insertBefore(row, blocks()[0] || template);
      field(row, "kind").value = kind;
      enhance(row);
      if (content) {
        setFields(row, content);
        fill(row, content);
      }
      showKind(row);
      return row;
    }
    function insertAfter(row, kind) {
      const added = newBlock(row, kind, null);
      if (added) {
        focusBlock(added, false);
        announce(shortLabel(kind) + " inserted at position " + (blocks().indexOf(added) + 1) + ".");
        changed();
      }
    }

    function focusBlock(row, atEnd) {
      const target = TEXTLESS.has(kindOf(row)) ? row.querySelector(".newsroom-handle") : editableOf(row);
      target.focus();
      if (target !== editableOf(row)) return;
      const range = document.createRange();
      range.selectNodeContents(target);
      range.collapse(!atEnd);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }

    // Moving swaps the neighbour past the block, so the block itself (and its focus,
    // caret and selection) never leaves the page.
    function move(row, step) {
      const rows = blocks();
      const at = rows.indexOf(row);
      const other = rows[at + step];
      if (!other) {
        announce(shortLabel(kindOf(row)) + " is already " + (step < 0 ? "first." : "last."));
        return;
      }
      if (step < 0) row.after(other);
      else row.before(other);
      renumber();
      announce(shortLabel(kindOf(row)) + " moved to position " + (at + step + 1) + ".");
      changed();
    }

    function remove(row) {
      const rows = blocks();
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
      row.classList.add("newsroom-deleted");
      const excerpt = (field(row, "text") || {}).value || "";
      row.querySelector(".newsroom-undo span").textContent =
        "Deleted " + shortLabel(kindOf(row)).toLowerCase() + (excerpt ? ": “" + excerpt.slice(0, 60) + "”" : "") + " ";
      renumber();
      const next = blocks()[Math.min(at, blocks().length - 1)];
      if (next) focusBlock(next, at > 0 && !rows[at + 1]);
      announce(shortLabel(kindOf(row)) + " deleted; Undo brings it back.");
      changed();
    }
    function restore(row) {
      const mark = field(row, "DELETE");
      if (mark.type === "checkbox") mark.checked = false;
      else mark.remove();
      row.classList.remove("newsroom-deleted");
      renumber();
      focusBlock(row, true);
      announce(shortLabel(kindOf(row)) + " is back at position " + (blocks().indexOf(row) + 1) + ".");
      changed();
    }

    // The text after the caret, taken out of the block as HTML (Enter, paste in mid-text).
    function cutTail(row) {
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
      const lines = Lines.readLines(holder);
      sync(row);
      return { text: lines.map((l) => l.text).join(" "), html: lines.map((l) => l.html).join(" ") };
    }

    function onKey(row, event) {
      const editable = editableOf(row);
      const key = event.key;
      if (event.altKey && (key === "ArrowUp" || key === "ArrowDown")) {
        event.preventDefault();
        move(row, key === "ArrowUp" ? -1 : 1);
      } else if ((event.ctrlKey || event.metaKey) && ["b", "i", "k"].includes(key.toLowerCase())) {
        event.preventDefault();
        if (key.toLowerCase() === "k") linkSelection(row);
        else mark(row, key.toLowerCase() === "b" ? "bold" : "italic");
      } else if (key === "Enter" && !event.shiftKey && !event.isComposing) {
        if (LISTS.has(kindOf(row))) {
          const lines = Lines.readLines(editable);
          const last = editable.lastChild;
          const atEmptyEnd = last && last.textContent === "" && window.getSelection().anchorNode &&
            (last === window.getSelection().anchorNode || last.contains(window.getSelection().anchorNode));
          if (!atEmptyEnd || !lines.length) return; // a new item, as the browser does
          event.preventDefault();
          last.remove();
          sync(row);
        } else {
          event.preventDefault();
        }
        const tail = LISTS.has(kindOf(row)) ? null : cutTail(row);
        const added = newBlock(row, "paragraph", tail && tail.text ? tail : null);
        if (added) {
          focusBlock(added, false);
          renumber();
          changed();
        }
      } else if (key === "Enter" && event.shiftKey && !LISTS.has(kindOf(row))) {
        event.preventDefault(); // a paragraph is one line of the story
      } else if (key === "Backspace" && editable.textContent === "" && !TEXTLESS.has(kindOf(row))) {
        const before = blocks()[blocks().indexOf(row) - 1];
        if (!before) return;
        event.preventDefault();
        remove(row);
        focusBlock(before, true);
      }
    }

    function mark(row, command) {
      if (!isMarked(row)) {
        announce(shortLabel(kindOf(row)) + " text takes no bold, italic or links.");
        return;
      }
      editableOf(row).focus();
      document.execCommand("styleWithCSS", false, false);
      document.execCommand(command, false, null);
      sync(row);
      changed();
    }
    function linkSelection(row) {
      if (!isMarked(row)) {
        announce(shortLabel(kindOf(row)) + " text takes no bold, italic or links.");
        return;
      }
      const editable = editableOf(row);
      const selection = window.getSelection();
      if (!selection.rangeCount || selection.isCollapsed || !editable.contains(selection.anchorNode)) {
        announce("Select the words to link first.");
        return;
      }
      const range = selection.getRangeAt(0);
      const answer = window.prompt("Link to (http://…, https://… or /a-page-on-this-site):", "https://");
      editable.focus();
      selection.removeAllRanges();
      selection.addRange(range);
      if (answer === null) return;
      const href = Lines.safeHref(answer);
      if (!href) {
        announce("Not linked: “" + answer + "” is not an http, https or site address (/…).");
        return;
      }
      document.execCommand("createLink", false, href);
      sync(row);
      announce("Linked to " + href + ".");
      changed();
    }

    // Pasting: one line goes in where the caret is; several are read by the importer's rules.
    function onPaste(row, event) {
      const data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      const markup = data.getData("text/html");
      let lines = markup ? Lines.linesFromHtml(markup) : [];
      if (!lines.length) lines = Lines.linesFromText(data.getData("text/plain"));
      if (!lines.length) return;
      if (lines.length === 1) {
        if (isMarked(row)) document.execCommand("insertHTML", false, lines[0].html);
        else document.execCommand("insertText", false, lines[0].text);
        sync(row);
        return;
      }
      announce("Reading " + lines.length + " pasted lines…");
      const tail = cutTail(row);
      fetch(document.querySelector("meta[name=newsroom-paste-url]").content, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": form.querySelector("input[name=csrfmiddlewaretoken]").value },
        body: JSON.stringify({ lines: lines }),
      })
        .then((response) => response.json().then((answer) => ({ ok: response.ok, answer: answer })))
        .then(({ ok, answer }) => {
          if (!ok) throw new Error(answer.error || "the desk did not answer");
          placePasted(row, answer.blocks, tail, answer.dropped);
        })
        .catch((error) => {
          // Nothing pasted is lost: each line becomes a paragraph.
          const plain = lines.map((line) => ({ kind: "paragraph", text: line.text, html: line.html, recognised: "" }));
          placePasted(row, plain, tail, []);
          announce(String(error.message || error) + " The lines were pasted as paragraphs.");
        });
    }

    function placePasted(row, pasted, tail, dropped) {
      let last = row;
      let first = null;
      const counts = {};
      pasted.forEach((block, i) => {
        let target;
        if (i === 0 && !editableOf(row).textContent.trim() && !TEXTLESS.has(kindOf(row))) {
          target = row;
          field(row, "kind").value = block.kind;
          showKind(row);
          setFields(row, block);
          fill(row, block);
        } else {
          target = newBlock(last, block.kind, block);
          if (!target) return;
        }
        if (block.recognised) showRecognised(target, block);
        counts[block.kind] = (counts[block.kind] || 0) + 1;
        first = first || target;
        last = target;
      });
      if (tail.text) last = newBlock(last, "paragraph", tail) || last;
      renumber();
      focusBlock(last, true);
      const made = Object.entries(counts).map(([kind, n]) => n + " " + shortLabel(kind).toLowerCase() + (n > 1 ? "s" : ""));
      let message = "Pasted " + made.join(", ") + ".";
      if (dropped.length) {
        message += " Left out " + dropped.length + " line" + (dropped.length > 1 ? "s" : "") +
          " of page junk: " + dropped.map((text) => "“" + text + "”").join(", ") + ".";
      }
      announce(message);
      changed();
    }

    // A block the rules recognised: said so, to keep or to turn back into a paragraph.
    function showRecognised(row, block) {
      const note = row.querySelector(".newsroom-recognised");
      note.replaceChildren();
      const words = document.createElement("span");
      words.textContent = block.recognised;
      if (block.rule) words.title = "Importer rule: " + block.rule;
      const keep = button("Keep it as a " + shortLabel(block.kind).toLowerCase(), "newsroom-keep", "Keep");
      const undo = button("Make it a paragraph", "newsroom-make-paragraph", "Make it a paragraph");
      keep.addEventListener("click", () => {
        note.hidden = true;
        focusBlock(row, true);
      });
      undo.addEventListener("click", () => {
        // A caption's credit or a quote's speaker stays in the story, as a paragraph of its own.
        const credit = field(row, block.kind === "quote" ? "attribution" : "credit");
        const creditText = credit ? credit.value : "";
        field(row, "kind").value = "paragraph";
        if (credit) credit.value = "";
        showKind(row);
        load(row);
        sync(row);
        if (creditText) newBlock(row, "paragraph", { text: creditText });
        note.hidden = true;
        renumber();
        focusBlock(row, true);
        changed();
      });
      note.append(words, keep, undo);
      note.hidden = false;
    }

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
    rows.forEach(enhance);
    const startControl = document.createElement("div");
    startControl.className = "newsroom-gap newsroom-start";
    startControl.append(insertControl((kind) => {
      const added = newBlock(null, kind, null);
      if (added) {
        focusBlock(added, false);
        changed();
      }
    }));
    help.after(startControl);
    renumber();

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
          renumber();
          const row = event.item;
          announce(shortLabel(kindOf(row)) + " moved to position " + (blocks().indexOf(row) + 1) + ".");
          changed();
        },
      });
    }

    // A block added and never written (Enter at the end, "+") is not saved as an empty one.
    form.addEventListener("submit", () => {
      for (const row of blocks()) {
        const empty = !TEXTLESS.has(kindOf(row)) && !(field(row, "text") || {}).value;
        const original = (field(row, "id") || {}).value;
        const photo = field(row, "photo");
        if (empty && !original && !(field(row, "credit") || {}).value && !(photo && photo.files && photo.files.length)) {
          remove(row);
        }
      }
      renumber();
    }, true);

    // desk.js restores an autosave into the fields by name: first make the blocks it names.
    document.addEventListener("newsroom:restoring", (event) => {
      const wanted = parseInt(event.detail[PREFIX + "-TOTAL_FORMS"], 10) || 0;
      while (parseInt(totalForms.value, 10) < wanted) {
        if (!newBlock(blocks()[blocks().length - 1] || null, "paragraph", null)) break;
      }
    });
    document.addEventListener("newsroom:restored", () => {
      const all = Array.from(list.querySelectorAll(".newsroom-block"));
      all.sort((a, b) => at(a) - at(b)).forEach((row) => {
        list.insertBefore(row, template);
        const mark = field(row, "DELETE");
        row.classList.toggle("newsroom-deleted", Boolean(mark && mark.checked));
        showKind(row);
        load(row);
      });
      renumber();
    });
  }

  if (window.django && window.django.jQuery) window.django.jQuery(start); // after inlines.js
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
