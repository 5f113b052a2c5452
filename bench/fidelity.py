"""How many lines of real scraped articles the parser puts in the right role (issue 15).

    .venv/bin/python bench/fidelity.py [--devset DIR] [--misses 15] [--show NAME] [--part tune]

Reads a labelled development set (the format of ../shared/LABELS.md: `<name>.txt` and its
`<name>.json` labels, in the folders tune/ and held/) from --devset, else $NEWSROOM_DEVSET,
else ../shared/devset beside the repository. The set is not in the repository: its pages
belong to the sites that published them. Prints, for each part, the share of lines in the
right role and each role's precision and recall, then the most common misses; --show prints
one file's lines with their labels, roles, rules and confidences. Rules are tuned on tune/
only; held/ (other sites) says how well they generalise.
"""

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from articles.seedfile.parser import ROLES, SeedError, parse_bytes  # noqa: E402

PARTS = ("tune", "held")


def default_devset() -> Path:
    """$NEWSROOM_DEVSET, else ../shared/devset beside the repository."""
    return Path(os.environ.get("NEWSROOM_DEVSET") or REPO.parent / "shared" / "devset")


@dataclass
class Score:
    """Counts of one part: (label, role given) for every labelled line."""

    pairs: Counter = field(default_factory=Counter)
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (right, lines)

    @property
    def lines(self) -> int:
        return sum(self.pairs.values())

    @property
    def accuracy(self) -> float:
        right = sum(n for (label, given), n in self.pairs.items() if label == given)
        return right / self.lines if self.lines else 0.0

    def precision(self, role: str) -> float | None:
        given = sum(n for (_, g), n in self.pairs.items() if g == role)
        return self.pairs[role, role] / given if given else None

    def recall(self, role: str) -> float | None:
        labelled = self.support(role)
        return self.pairs[role, role] / labelled if labelled else None

    def support(self, role: str) -> int:
        return sum(n for (label, _), n in self.pairs.items() if label == role)

    def misses(self) -> list[tuple[tuple[str, str], int]]:
        return [(pair, n) for pair, n in self.pairs.most_common() if pair[0] != pair[1]]


class StaleLabels(Exception):
    """A text file of the set is not the one its labels were made for."""


def labelled_files(folder: Path) -> list[tuple[Path, dict[int, str]]]:
    """Each text file of a part with its labels, by line number (checked by their sha256)."""
    files = []
    for text in sorted(folder.glob("*.txt")):
        if not text.with_suffix(".json").exists():
            continue
        labels = json.loads(text.with_suffix(".json").read_text())
        digest = hashlib.sha256(text.read_bytes()).hexdigest()
        if labels.get("sha256", digest) != digest:  # LABELS.md's files carry it; older ones may not
            raise StaleLabels(
                f"{text}: the text differs from the one its labels were made for; "
                "rebuild the set with bench/devset_build.py"
            )
        files.append((text, {n: role for n, role in labels["lines"]}))
    return files


def given_roles(data: bytes) -> dict[int, tuple[str, str, float]]:
    """The parser's role, rule and confidence for each line; a rejected file gets none."""
    try:
        article = parse_bytes(data)
    except SeedError:
        return {}
    return {line.number: (line.role, line.rule, line.confidence) for line in article.lines}


def score(folder: Path) -> Score:
    """The parser's score on one part of the development set."""
    result = Score()
    for text, labels in labelled_files(folder):
        given = given_roles(text.read_bytes())
        right = 0
        for number, label in labels.items():
            role = given.get(number, ("rejected",))[0]
            result.pairs[label, role] += 1
            right += role == label
        result.files[text.name] = (right, len(labels))
    return result


def _percent(value: float | None) -> str:
    return "     -" if value is None else f"{100 * value:5.1f}%"


def report(scores: dict[str, Score], misses: int) -> str:
    """The table of accuracy, precision and recall for each part, and the commonest misses."""
    rows = [
        f"{'':<11}" + "".join(f"{part:>28}" for part in scores),
        f"{'':<11}" + "".join(f"{'precision':>12}{'recall':>8}{'lines':>8}" for _ in scores),
    ]
    for role in ROLES:
        cells = "".join(
            f"{_percent(s.precision(role)):>12}{_percent(s.recall(role)):>8}{s.support(role):>8}"
            for s in scores.values()
        )
        rows.append(f"{role:<11}{cells}")
    rows.append(
        f"{'all lines':<11}"
        + "".join(f"{_percent(s.accuracy):>20}{s.lines:>8}" for s in scores.values())
    )
    for part, s in scores.items():
        rows.append(
            f"\n{part}: {100 * s.accuracy:.1f}% of {s.lines} lines right; commonest misses:"
        )
        rows += [f"  {n:4}  {label} read as {given}" for (label, given), n in s.misses()[:misses]]
        worst = sorted(s.files.items(), key=lambda item: item[1][0] / item[1][1])[:5]
        rows.append("  worst files: " + ", ".join(f"{n} {r}/{t}" for n, (r, t) in worst))
    return "\n".join(rows)


def show(devset: Path, name: str) -> str:
    """One file's lines: label, role given, rule, confidence and text."""
    text = next(devset.glob(f"*/{name}*.txt"))
    labels = dict(labelled_files(text.parent))[text]
    given = given_roles(text.read_bytes())
    lines = text.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n").split("\n")
    out = []
    for number, label in labels.items():
        role, rule, confidence = given.get(number, ("rejected", "", 0.0))
        mark = "  " if role == label else "✗ "
        line = lines[number - 1].strip()[:110]
        out.append(f"{mark}{number:4} {label:>9} {role:>9} {rule:<24} {confidence:.2f} {line}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=default_devset())
    parser.add_argument("--misses", type=int, default=15, help="how many kinds of miss to list")
    parser.add_argument("--show", metavar="NAME", help="print one file's lines and roles")
    parser.add_argument(
        "--part", choices=PARTS, action="append", help="score only this part (repeatable)"
    )
    options = parser.parse_args()
    if not all((options.devset / part).is_dir() for part in PARTS):
        sys.exit(f"no development set at {options.devset} (it needs tune/ and held/)")
    try:
        if options.show:
            print(show(options.devset, options.show))
            return
        parts = options.part or PARTS  # tuning looks at tune/ alone, so held/ stays unseen
        print(report({part: score(options.devset / part) for part in parts}, options.misses))
    except StaleLabels as stale:
        sys.exit(str(stale))


if __name__ == "__main__":
    main()
