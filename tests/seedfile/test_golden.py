"""The parser's output stays exactly as recorded in tests/seedfile/golden/ (issue 12).

A refactor of the parser must not change what it makes of any file: every field of every
parsed article and each line's role, on the fixtures, the project seed, 300 articles of the
benchmark corpus and, when it is on this machine, the labelled development set (recorded as
hashes only: its text is not ours to commit). After a change of behaviour on purpose,
rewrite the records with `python -m tests.seedfile.test_golden` and commit them on their own.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

from articles.seedfile.corpus import article_text
from articles.seedfile.parser import ParsedArticle, SeedError, parse_bytes

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GOLDEN = HERE / "golden"
CORPUS_ARTICLES = 300
ROLE_LETTERS = {
    "headline": "H",
    "dek": "D",
    "byline": "B",
    "dateline": "T",
    "paragraph": "p",
    "caption": "c",
    "credit": "r",
    "teaser": "t",
    "furniture": "f",
}


def devset_dir() -> Path | None:
    """Where the labelled development set is: $NEWSROOM_DEVSET, else ../shared/devset."""
    folder = Path(os.environ.get("NEWSROOM_DEVSET") or REPO.parent / "shared" / "devset")
    return folder if (folder / "tune").is_dir() else None


def record(data: bytes) -> dict:
    """Every field the parser gives a file (or its rejection), as plain JSON."""
    try:
        article = parse_bytes(data)
    except SeedError as error:
        return {"error": error.message, "line": error.line}
    return article_record(article)


def article_record(article: ParsedArticle) -> dict:
    return {
        "headline": article.headline,
        "dek": article.dek,
        "byline": article.byline,
        "dateline": article.dateline,
        "blocks": [
            [b.kind, b.text, b.credit, list(b.lines), list(b.source)] for b in article.blocks
        ],
        "lines": [[line.number, line.text, line.role] for line in article.lines],
        "warnings": list(article.warnings),
    }


def digest(entry: dict) -> dict:
    """A record cut to its hash and its roles (one letter a line): small, and still says where."""
    canonical = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode()
    roles = "".join(ROLE_LETTERS[role] for _, _, role in entry.get("lines", []))
    return {"sha256": hashlib.sha256(canonical).hexdigest(), "roles": roles or entry["error"]}


def current_records() -> dict[str, dict]:
    """Each golden file's name and the records it holds, as the parser gives them today."""
    files = {
        f"fixtures/{p.name}": record(p.read_bytes()) for p in sorted((HERE / "files").glob("*.txt"))
    }
    files |= {
        f"seeds/{p.name}": record(p.read_bytes()) for p in sorted((REPO / "seeds").glob("*.txt"))
    }
    corpus = {str(n): digest(record(article_text(n).encode())) for n in range(CORPUS_ARTICLES)}
    records = {"files.json": files, "corpus.json": corpus}
    if (devset := devset_dir()) is not None:
        records["devset.json"] = {
            f"{p.parent.name}/{p.name}": digest(record(p.read_bytes()))
            for p in sorted(devset.glob("*/*.txt"))
        }
    return records


def load(name: str) -> dict:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


CURRENT = current_records()


@pytest.mark.parametrize("name", ["files.json", "corpus.json"])
def test_the_parser_gives_every_recorded_file_exactly_its_recorded_output(name):
    """Each fixture, seed and corpus article parses to exactly what was recorded for it."""
    golden = load(name)
    assert CURRENT[name].keys() == golden.keys()
    changed = [key for key in golden if CURRENT[name][key] != golden[key]]
    assert changed == []


@pytest.mark.skipif(devset_dir() is None, reason="no development set on this machine")
def test_the_parser_gives_every_devset_file_exactly_its_recorded_output():
    """Each file of the development set parses to the output recorded for it (by hash)."""
    golden = load("devset.json")
    changed = [key for key in golden if CURRENT["devset.json"].get(key) != golden[key]]
    assert changed == []


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, entries in CURRENT.items():
        text = json.dumps(entries, ensure_ascii=False, indent=0, sort_keys=True)
        (GOLDEN / name).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN / name}: {len(entries)} records", file=sys.stderr)
