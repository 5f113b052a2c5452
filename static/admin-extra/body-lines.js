// Lines of text with their inline marks, read from pasted HTML or from an editable block
// (issue 14). Only bold, italic and links survive, written as <strong>, <em> and <a href>;
// the server sanitises again (nh3) whatever arrives. Markup is read from an inert document
// (DOMParser), never inserted as it came, so no pasted script, style or attribute runs.
(function () {
  "use strict";

  const BREAKING = new Set([
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
    "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
    "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
  ]);
  const SKIPPED = new Set(["HEAD", "SCRIPT", "STYLE", "TITLE", "META", "LINK", "TEMPLATE", "NOSCRIPT", "svg"]);

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // http, https and addresses on this site ("/about", never "//elsewhere"), as the server allows.
  function safeHref(href) {
    const value = (href || "").trim();
    if (/^https?:\/\/[^\s]+$/i.test(value)) return value;
    if (/^\/(?!\/)[^\s]*$/.test(value)) return value;
    return "";
  }

  // The style attribute is read as text: Google Docs marks bold with a span's font-weight and
  // wraps the whole paste in <b style="font-weight:normal">, which is not bold at all.
  // The strict CSP refuses style attributes even in an inert document (DOMParser): they are
  // renamed in the markup's tags before it is parsed, and read from there.
  const STYLE = "data-newsroom-style";
  function styleOf(element) {
    return (element.getAttribute && element.getAttribute(STYLE)) || "";
  }
  function marksOf(element, marks) {
    const tag = element.tagName;
    const style = styleOf(element);
    const next = { bold: marks.bold, italic: marks.italic, href: marks.href };
    // Not Word's "mso-bidi-font-weight": only the property itself counts.
    const weight = /(?:^|[;\s])font-weight\s*:\s*([a-z0-9]+)/i.exec(style);
    if (weight) next.bold = weight[1] === "bold" || weight[1] === "bolder" || parseInt(weight[1], 10) >= 600;
    else if (tag === "B" || tag === "STRONG") next.bold = true;
    const slant = /(?:^|[;\s])font-style\s*:\s*([a-z]+)/i.exec(style);
    if (slant) next.italic = slant[1] === "italic" || slant[1] === "oblique";
    else if (tag === "I" || tag === "EM") next.italic = true;
    if (tag === "A") next.href = safeHref(element.getAttribute("href")) || marks.href;
    return next;
  }

  function wrap(text, marks) {
    let html = escapeText(text);
    if (marks.italic) html = "<em>" + html + "</em>";
    if (marks.bold) html = "<strong>" + html + "</strong>";
    if (marks.href) html = '<a href="' + marks.href.replace(/"/g, "&quot;") + '">' + html + "</a>";
    return html;
  }

  // [{text, html}] for each line under `root`, in order; blank lines are left out.
  function readLines(root) {
    const lines = [];
    let text = "";
    let html = "";
    function flush() {
      const clean = text.replace(/\s+/g, " ").trim();
      if (clean) lines.push({ text: clean, html: html.replace(/\s+/g, " ").trim() });
      text = "";
      html = "";
    }
    function walk(node, marks) {
      if (node.nodeType === Node.TEXT_NODE) {
        const value = node.nodeValue.replace(/[\r\n\t]+/g, " ");
        text += value;
        html += wrap(value, marks);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || SKIPPED.has(node.tagName)) return;
      if (node.tagName === "BR") {
        flush();
        return;
      }
      const breaking = BREAKING.has(node.tagName);
      if (breaking) flush();
      const inner = marksOf(node, marks);
      for (const child of node.childNodes) walk(child, inner);
      if (breaking) flush();
    }
    const none = { bold: false, italic: false, href: "" };
    for (const child of root.childNodes) walk(child, none);
    flush();
    return lines;
  }

  function linesFromHtml(markup) {
    // Handlers (onerror=…) and sources would run or load even there: renamed out of use too.
    const renamed = markup.replace(/<[a-z][^>]*>/gi, (tag) =>
      tag
        .replace(/\sstyle\s*=/gi, " " + STYLE + "=")
        .replace(/\s(on[a-z]+|src|srcset)\s*=/gi, " data-newsroom-unused-$1="),
    );
    const doc = new DOMParser().parseFromString(renamed, "text/html");
    return readLines(doc.body);
  }

  function linesFromText(text) {
    return text
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .map((line) => ({ text: line, html: escapeText(line) }));
  }

  window.NewsroomLines = { readLines, linesFromHtml, linesFromText, safeHref, escapeText };
})();
