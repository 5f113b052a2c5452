// The body editor's inline marks (issue 14): bold, italic and links in the kinds that take
// them, a link's address typed in a field of the page. Added to the editor object made by body-editor-core.js.
(function () {
  "use strict";

  window.NewsroomBody.marks = function (ed) {
    const { kindOf, shortLabel, editableOf, isMarked, button } = ed;

    function refused(row) {
      if (isMarked(row)) return false;
      ed.announce(shortLabel(kindOf(row)) + " text takes no bold, italic or links.");
      return true;
    }

    ed.mark = function (row, command) {
      if (refused(row)) return;
      editableOf(row).focus();
      document.execCommand("styleWithCSS", false, false);
      document.execCommand(command, false, null);
      ed.sync(row);
      ed.changed();
    };

    // Links are asked for in a field under the block's bar, not the browser's prompt: one
    // field for the editor, moved to the block being linked. It shows an existing link's
    // address, refuses in words what the server would refuse, and removes a link.
    const panel = linkField();
    let state = null; // {row, range, anchor} while the field is open

    function linkField() {
      const box = document.createElement("div");
      box.className = "newsroom-link-field";
      box.id = "newsroom-link-field";
      box.setAttribute("role", "group");
      box.setAttribute("aria-labelledby", "newsroom-link-label");
      box.hidden = true;
      const label = document.createElement("label");
      label.id = "newsroom-link-label";
      label.htmlFor = "newsroom-link-address";
      label.textContent = "Link address";
      const input = document.createElement("input");
      input.id = "newsroom-link-address";
      input.type = "text"; // not "url": a site address (/about) is a link too
      input.inputMode = "url";
      input.autocomplete = "off";
      input.spellcheck = false;
      input.placeholder = "https://… or /a-page-on-this-site";
      input.setAttribute("aria-describedby", "newsroom-link-hint newsroom-link-error");
      const hint = document.createElement("span");
      hint.id = "newsroom-link-hint";
      hint.className = "newsroom-link-hint";
      hint.textContent = "http://…, https://… or an address on this site (/…). Enter links, Esc leaves it.";
      const error = document.createElement("span");
      error.id = "newsroom-link-error";
      error.className = "newsroom-link-error";
      error.setAttribute("role", "alert");
      const apply = button("Link the words", "newsroom-link-apply", "Link");
      const unlink = button("Remove link", "newsroom-link-remove", "Remove link");
      const cancel = button("Cancel (Esc): leave the words as they were", "newsroom-link-cancel", "Cancel");
      box.append(label, input, apply, unlink, cancel, hint, error);
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault(); // never the form's submit
          applyLink();
        }
      });
      box.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          closeLink(true);
        }
      });
      // Typing an address is not yet an edit of the story: no autosave, no teaser lookup.
      input.addEventListener("input", (event) => {
        event.stopPropagation();
        showError("");
      });
      apply.addEventListener("click", applyLink);
      unlink.addEventListener("click", removeLink);
      cancel.addEventListener("click", () => closeLink(true));
      // Like a popover: focus going elsewhere on the page leaves the words as they were.
      box.addEventListener("focusout", (event) => {
        if (state && !box.contains(event.relatedTarget)) closeLink(false);
      });
      return { box, input, unlink, error };
    }

    function showError(message) {
      panel.error.textContent = message;
      if (message) panel.input.setAttribute("aria-invalid", "true");
      else panel.input.removeAttribute("aria-invalid");
    }

    // The link the selection is in or touches, if any.
    function linkAt(editable, range) {
      return Array.from(editable.querySelectorAll("a[href]")).find((a) => range.intersectsNode(a)) || null;
    }

    ed.linkSelection = function (row) {
      if (refused(row)) return;
      const editable = editableOf(row);
      const selection = window.getSelection();
      if (!selection.rangeCount || !editable.contains(selection.anchorNode)) {
        ed.announce("Select the words to link first.");
        return;
      }
      const range = selection.getRangeAt(0).cloneRange();
      const anchor = linkAt(editable, range);
      if (range.collapsed && !anchor) {
        ed.announce("Select the words to link first.");
        return;
      }
      if (state) closeLink(false);
      state = { row, range, anchor };
      row.querySelector(".newsroom-bar").after(panel.box);
      panel.input.value = anchor ? anchor.getAttribute("href") : "";
      panel.unlink.hidden = !anchor;
      showError("");
      panel.box.hidden = false;
      setExpanded(row, true);
      panel.input.focus();
      panel.input.select();
    };

    function setExpanded(row, open) {
      const linkButton = row.querySelector(".newsroom-link");
      linkButton.setAttribute("aria-expanded", String(open));
      if (open) linkButton.setAttribute("aria-controls", panel.box.id);
    }

    // The editor's selection as it was when the field opened, the focus back in the block.
    // (Taken as an argument: the focus leaving the field closes it, and clears `state`.)
    function backToWords(open) {
      editableOf(open.row).focus();
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(open.range);
    }

    function closeLink(refocus) {
      if (!state) return;
      const was = state;
      if (refocus) backToWords(was);
      state = null;
      panel.box.hidden = true;
      setExpanded(was.row, false);
    }

    function applyLink() {
      const typed = panel.input.value.trim();
      const href = ed.Lines.safeHref(typed);
      if (!href) {
        showError(
          typed
            ? "Not linked: “" + typed + "” is not an http, https or site address (/…)."
            : "Type or paste the address first, or press Esc to leave the words as they are.",
        );
        panel.input.focus();
        return;
      }
      const { row, range, anchor } = state;
      backToWords(state);
      const inside = anchor && anchor.isConnected && (range.collapsed || anchor.contains(range.commonAncestorContainer));
      if (inside) anchor.setAttribute("href", href);
      else document.execCommand("createLink", false, href);
      closeLink(false);
      ed.sync(row);
      ed.announce("Linked to " + href + ".");
      ed.changed();
    }

    function removeLink() {
      const { row, anchor } = state;
      backToWords(state);
      if (anchor && anchor.isConnected) {
        const whole = document.createRange();
        whole.selectNode(anchor);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(whole);
      }
      document.execCommand("unlink", false, null);
      closeLink(false);
      ed.sync(row);
      ed.announce("Link removed.");
      ed.changed();
    }
  };
})();
