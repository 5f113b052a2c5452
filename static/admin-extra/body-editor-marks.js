// The body editor's inline marks (issue 14): bold, italic and links in the kinds that take
// them. Added to the editor object made by body-editor-core.js.
(function () {
  "use strict";

  window.NewsroomBody.marks = function (ed) {
    const { kindOf, shortLabel, editableOf, isMarked } = ed;

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

    ed.linkSelection = function (row) {
      if (refused(row)) return;
      const editable = editableOf(row);
      const selection = window.getSelection();
      if (!selection.rangeCount || selection.isCollapsed || !editable.contains(selection.anchorNode)) {
        ed.announce("Select the words to link first.");
        return;
      }
      const range = selection.getRangeAt(0);
      const answer = window.prompt("Link to (http://…, https://… or /a-page-on-this-site):", "https://");
      editable.focus();
      selection.removeAllRanges();
      selection.addRange(range);
      if (answer === null) return;
      const href = ed.Lines.safeHref(answer);
      if (!href) {
        ed.announce("Not linked: “" + answer + "” is not an http, https or site address (/…).");
        return;
      }
      document.execCommand("createLink", false, href);
      ed.sync(row);
      ed.announce("Linked to " + href + ".");
      ed.changed();
    };
  };
})();
