"""Rebuild the labelled development set from public extractor test suites (issue 15).

    .venv/bin/python bench/devset_build.py [GIT_DIR ...] [--out DIR] [--list]

Each page of the set is a real news page kept as HTML in a public repository's test suite
(bench/devset/sources.json names the repository, commit and path of each). This turns each
page into the text lines a scraper would give for it, the article's part of the page with
its chrome (breadcrumbs, share buttons, captions, related links, sign-up boxes), block
elements one per line, and writes them into DIR (default $NEWSROOM_DEVSET, else
../shared/devset beside the repository) as tune/ and held/, each text beside its labels
(bench/devset/<part>/<name>.json, checked by sha256: labels fit only those exact bytes),
and TEXT_READY, listing the held/ files, once every text is written.

GIT_DIR are the repositories' git directories (a clone's .git, or a bare mirror such as
/work/.mirror/<owner>+<name>/repo); without any, every /work/.mirror/*/repo is tried.
--list prints the repositories needed, each with its licence. The text is never committed: the pages belong to
the sites that published them; the labels (bench/devset/) are our own work.
"""

import argparse
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree, html

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.fidelity import PARTS, default_devset  # noqa: E402

LABELS = REPO / "bench" / "devset"
SOURCES = LABELS / "sources.json"
MIRRORS = Path("/work/.mirror")

# Never shown by a browser, so never in scraped text.
INVISIBLE = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
             "canvas", "head", "title", "meta", "link", "input", "select", "textarea", "option",
             "video", "audio", "map", "source"}  # fmt: skip
# Elements a scraper ends a line at (HTML's block-level and table elements).
BLOCKS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
          "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
          "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav",
          "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
          "td", "th", "caption", "ul", "center", "menu", "label", "button"}  # fmt: skip
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# A scraper keeps the article's part of the page: at most this many lines around its headline.
MOST_LINES = 120
# Paragraphs shorter than this are page chrome more often than article text.
PARAGRAPH_CHARS = 60


def decoded(data: bytes) -> str:
    """The page's characters: UTF-8, else the charset its <meta> names, else Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = CHARSET.search(data[:4096])
    try:
        return data.decode(match.group(1).decode() if match else "cp1252", "replace")
    except LookupError:
        return data.decode("cp1252", "replace")


def visible_tree(data: bytes) -> html.HtmlElement:
    """The parsed page without what a browser never shows (scripts, styles, hidden parts)."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", decoded(data))
    root = html.document_fromstring(text.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8"))
    for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        node.drop_tree()
    for element in list(root.iter()):
        hidden = (
            element.tag in INVISIBLE
            or element.get("hidden") is not None
            or HIDDEN_STYLE.search(element.get("style", ""))
        )
        if hidden and element is not root:
            element.drop_tree()
    return root


def text_lines(element: html.HtmlElement) -> list[str]:
    """The element's text in reading order, one line per block element, spaces collapsed."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    def walk(node: html.HtmlElement) -> None:
        block = node.tag in BLOCKS
        if block or node.tag == "br":
            flush()
        if node.text:
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(element)
    flush()
    return lines


def body_container(root: html.HtmlElement) -> html.HtmlElement:
    """The element holding the most paragraph text: where the article's body is."""
    weight: dict[html.HtmlElement, int] = {}
    for paragraph in root.iter("p"):
        length = len(" ".join(paragraph.text_content().split()))
        parent = paragraph.getparent()
        if length >= PARAGRAPH_CHARS and parent is not None:
            weight[parent] = weight.get(parent, 0) + length
    if not weight:
        return root.body if root.find("body") is not None else root
    order = {element: n for n, element in enumerate(root.iter())}
    return max(weight, key=lambda element: (weight[element], -order[element]))


def page_lines(data: bytes) -> list[str]:
    """A news page as a scraper gives it: the article's part of the page, its chrome included.

    That part is the smallest element around the body's paragraphs that also holds the
    headline (<h1>), when it has at most MOST_LINES lines; else the largest element around
    the paragraphs within that size, under the headline's line.
    """
    root = visible_tree(data)
    body = body_container(root)
    ancestors = [body, *body.iterancestors()]
    sized = [(element, text_lines(element)) for element in ancestors]
    for element, lines in sized:
        if len(lines) > MOST_LINES:
            break
        if element.find(".//h1") is not None or element.tag == "h1":
            return lines
    fitting = [lines for _, lines in sized if len(lines) <= MOST_LINES] or [sized[0][1]]
    lines = fitting[-1]
    headline = root.find(".//h1")
    title = " ".join(headline.text_content().split()) if headline is not None else ""
    return [title, *lines] if title and title not in lines else lines


def seed_text(lines: list[str]) -> bytes:
    """Lines as a seed file: a blank line between blocks, UTF-8, a final newline."""
    return ("\n\n".join(lines) + "\n").encode("utf-8")


class SourceMissing(Exception):
    """A page's repository (at its commit) is in none of the git directories given."""


def page_bytes(git_dirs: list[Path], page: dict) -> bytes:
    """The page's file at its commit, from whichever git directory has that commit."""
    repo, commit, path = page["repo"], page["commit"], page["path"]
    for git_dir in git_dirs:
        found = subprocess.run(
            ["git", "--git-dir", str(git_dir), "cat-file", "blob", f"{commit}:{path}"],
            capture_output=True,
        )
        if found.returncode == 0:
            return gzip.decompress(found.stdout) if path.endswith(".gz") else found.stdout
    raise SourceMissing(
        f"{repo} at {commit[:12]} ({path}) is in none of the git directories given: "
        f"fetch github:{repo} and pass its git directory"
    )


def build(
    git_dirs: list[Path], out: Path, sources: Path = SOURCES, labels: Path = LABELS
) -> list[str]:
    """Write every page's text and labels into out; the problems found, if any."""
    pages = json.loads(sources.read_text())
    names = {page["name"] for page in pages}
    problems = []
    for part in PARTS:
        (out / part).mkdir(parents=True, exist_ok=True)
        for stale in [*(out / part).glob("*.txt"), *(out / part).glob("*.json")]:
            if f"{part}/{stale.stem}.txt" not in names:
                stale.unlink()  # a page no longer in the set: its score would linger
    texts = {page["name"]: seed_text(page_lines(page_bytes(git_dirs, page))) for page in pages}
    for name, data in texts.items():
        (out / name).write_bytes(data)
    held = sorted(name for name in texts if name.startswith("held/"))
    (out / "TEXT_READY").write_text("".join(f"{name}\n" for name in held))
    for page in pages:
        name = page["name"]
        recorded = labels / Path(name).with_suffix(".json")
        target = out / Path(name).with_suffix(".json")
        target.unlink(missing_ok=True)
        if not recorded.exists():
            problems.append(f"{name}: not labelled yet ({recorded} is missing)")
        elif json.loads(recorded.read_text())["sha256"] != hashlib.sha256(texts[name]).hexdigest():
            problems.append(
                f"{name}: the text differs from the one labelled ({page['repo']} "
                f"{page['path']} at {page['commit'][:12]} changed, or the converter did): "
                "its labels are not copied; label it again"
            )
        else:
            shutil.copyfile(recorded, target)
    return problems


def repositories(pages: list[dict]) -> list[str]:
    """One line per repository the pages come from: its fetch name, licence and page count.

    The licence is what lets us keep labels derived from its pages (issue 15), so it is listed.
    """
    counts: dict[tuple[str, str], int] = {}
    for page in pages:
        key = (page["repo"], page.get("licence", "licence unknown"))
        counts[key] = counts.get(key, 0) + 1
    return [
        f"github:{repo}  {licence}  {n} page{'s' if n > 1 else ''}"
        for (repo, licence), n in sorted(counts.items())
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dirs", nargs="*", type=Path, help="fetched repositories' git dirs")
    parser.add_argument("--out", type=Path, default=default_devset())
    parser.add_argument("--list", action="store_true", help="print the repositories needed")
    options = parser.parse_args()
    if options.list:
        print("\n".join(repositories(json.loads(SOURCES.read_text()))))
        return
    git_dirs = options.git_dirs or sorted(MIRRORS.glob("*/repo"))
    try:
        problems = build(git_dirs, options.out)
    except SourceMissing as missing:
        sys.exit(str(missing))
    pages = len(json.loads(SOURCES.read_text()))
    print(f"{pages} pages written to {options.out}")
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
