// The body editor's pasting (issue 14): one line goes in where the caret is; several are
// read by the importer's rules (the desk's read-pasted endpoint) and become blocks, each
// recognised one said so, to keep or to turn back into a paragraph. Added to the editor
// object made by body-editor-core.js.
(function () {
  "use strict";

  window.NewsroomBody.paste = function (ed) {
    const { field, kindOf, shortLabel, editableOf, isMarked, button, TEXTLESS } = ed;

    ed.onPaste = function (row, event) {
      const data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      const markup = data.getData("text/html");
      let lines = markup ? ed.Lines.linesFromHtml(markup) : [];
      if (!lines.length) lines = ed.Lines.linesFromText(data.getData("text/plain"));
      if (!lines.length) return;
      if (lines.length === 1) {
        if (isMarked(row)) document.execCommand("insertHTML", false, lines[0].html);
        else document.execCommand("insertText", false, lines[0].text);
        ed.sync(row);
        return;
      }
      ed.announce("Reading " + lines.length + " pasted lines…");
      const tail = ed.cutTail(row);
      fetch(document.querySelector("meta[name=newsroom-paste-url]").content, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": ed.form.querySelector("input[name=csrfmiddlewaretoken]").value },
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
          ed.announce(String(error.message || error) + " The lines were pasted as paragraphs.");
        });
    };

    function placePasted(row, pasted, tail, dropped) {
      let last = row;
      const counts = {};
      pasted.forEach((block, i) => {
        let target;
        if (i === 0 && !editableOf(row).textContent.trim() && !TEXTLESS.has(kindOf(row))) {
          target = row;
          field(row, "kind").value = block.kind;
          ed.showKind(row);
          ed.setFields(row, block);
          ed.fill(row, block);
        } else {
          target = ed.newBlock(last, block.kind, block);
          if (!target) return;
        }
        if (block.recognised) showRecognised(target, block);
        counts[block.kind] = (counts[block.kind] || 0) + 1;
        last = target;
      });
      if (tail.text) last = ed.newBlock(last, "paragraph", tail) || last;
      ed.renumber();
      ed.focusBlock(last, true);
      const made = Object.entries(counts).map(([kind, n]) => n + " " + shortLabel(kind).toLowerCase() + (n > 1 ? "s" : ""));
      let message = "Pasted " + made.join(", ") + ".";
      if (dropped.length) {
        message += " Left out " + dropped.length + " line" + (dropped.length > 1 ? "s" : "") +
          " of page junk: " + dropped.map((text) => "“" + text + "”").join(", ") + ".";
      }
      ed.announce(message);
      ed.changed();
    }

    // A block the rules recognised: said so, to keep or to turn back into a paragraph. The
    // form's hidden "recognised" field keeps the note until the editor decides or the
    // article is saved, so a form sent back with an error shows it again.
    function remember(row, block) {
      const kept = field(row, "recognised");
      if (kept) kept.value = block ? JSON.stringify({ kind: block.kind, recognised: block.recognised, rule: block.rule || "" }) : "";
    }
    ed.showRecognisedFromForm = function (row) {
      const kept = field(row, "recognised");
      let block = null;
      try {
        block = kept && kept.value ? JSON.parse(kept.value) : null;
      } catch (error) {
        block = null; // not written by this script: nothing to show
      }
      if (block && typeof block.recognised === "string" && block.recognised) showRecognised(row, block);
    };
    function showRecognised(row, block) {
      remember(row, block);
      const note = row.querySelector(".newsroom-recognised");
      note.replaceChildren();
      const words = document.createElement("span");
      words.textContent = block.recognised;
      if (block.rule) words.title = "Importer rule: " + block.rule;
      const keep = button("Keep it as a " + shortLabel(block.kind).toLowerCase(), "newsroom-keep", "Keep");
      const undo = button("Make it a paragraph", "newsroom-make-paragraph", "Make it a paragraph");
      keep.addEventListener("click", () => {
        note.hidden = true;
        remember(row, null);
        ed.focusBlock(row, true);
        ed.changed();
      });
      undo.addEventListener("click", () => {
        // A caption's credit or a quote's speaker stays in the story, as a paragraph of its own.
        const credit = field(row, block.kind === "quote" ? "attribution" : "credit");
        const creditText = credit ? credit.value : "";
        field(row, "kind").value = "paragraph";
        if (credit) credit.value = "";
        ed.showKind(row);
        ed.load(row);
        ed.sync(row);
        if (creditText) ed.newBlock(row, "paragraph", { text: creditText });
        note.hidden = true;
        remember(row, null);
        ed.renumber();
        ed.focusBlock(row, true);
        ed.changed();
      });
      note.append(words, keep, undo);
      note.hidden = false;
    }
  };
})();
