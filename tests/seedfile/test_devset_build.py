"""The labelled development set is rebuilt from public HTML pages, and its labels fit (issue 15)."""

import hashlib
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from bench.devset_build import (
    LABELS,
    SOURCES,
    SourceMissing,
    build,
    page_lines,
    repositories,
    seed_text,
)
from bench.fidelity import PARTS, StaleLabels, default_devset, labelled_files

PAGE = b"""<!DOCTYPE html><html><head><title>Site | Council votes</title>
<style>.x{color:red}</style><script>var ad = "buy now";</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><p class="kicker">Politics</p><h1>Council votes to close the bridge</h1>
<div class="share"><a>Share on Facebook</a><a>Tweet</a></div>
<figure><img src="a.jpg" alt="the bridge"><figcaption>The bridge at dusk.
<span>Photo: Jane Doe/Agency</span></figcaption></figure>
<p>The council voted on Tuesday to close the old bridge, citing <a href="/r">a report</a>
that found its supports had rusted through after decades of winter salt.</p>
<div style="display: none">Hidden survey text</div>
<p>Repairs would have cost more than a new crossing, the mayor said at the meeting.</p>
<aside><h3>Related</h3><ul><li><a>Bridge closures in the region</a></li></ul></aside>
</article><footer>Copyright 2020 Site</footer></body></html>"""


def test_a_page_becomes_its_articles_visible_text_one_block_a_line():
    """Scripts, styles, hidden parts and the site's nav and footer vanish; links stay in their
    sentence, inline credits in their caption; the article's own chrome (share, related) stays."""
    assert page_lines(PAGE) == [
        "Politics",
        "Council votes to close the bridge",
        "Share on FacebookTweet",
        "The bridge at dusk. Photo: Jane Doe/Agency",
        "The council voted on Tuesday to close the old bridge, citing a report that found its "
        "supports had rusted through after decades of winter salt.",
        "Repairs would have cost more than a new crossing, the mayor said at the meeting.",
        "Related",
        "Bridge closures in the region",
    ]


def test_a_headline_outside_the_articles_box_still_opens_the_text():
    """When the body's box lacks the <h1> and its parents are the whole page, the <h1> leads."""
    nav = "".join(f"<li><a>Section {n}</a></li>" for n in range(200))
    page = (
        f"<html><body><ul>{nav}</ul><h1>Storm hits the coast</h1><div><div class='body'>"
        "<p>Winds of a hundred miles an hour tore roofs from houses along the coast overnight.</p>"
        "<p>Power was out for thousands of homes by morning, the utility said in a statement.</p>"
        "</div></div></body></html>"
    ).encode()
    lines = page_lines(page)
    assert lines[0] == "Storm hits the coast"
    assert "Section 7" not in lines


def test_a_page_in_windows_1252_keeps_its_accents():
    """A page that is not UTF-8 is read in the charset its <meta> names."""
    page = (
        '<html><head><meta charset="windows-1252"></head><body><article><h1>Caf\xe9 closes</h1>'
        "<p>The caf\xe9 on the corner closed its doors after forty years of serving the town.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    assert page_lines(page)[0] == "Café closes"


def test_seed_text_puts_a_blank_line_between_blocks():
    assert seed_text(["Headline", "Body."]) == b"Headline\n\nBody.\n"


@pytest.fixture
def source_repo(tmp_path: Path) -> tuple[Path, str]:
    """A git repository holding one page, like a fetched extractor test suite."""
    repo = tmp_path / "suite"
    (repo / "pages").mkdir(parents=True)
    (repo / "pages" / "bridge.html").write_bytes(PAGE)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "page"], check=True)
    commit = subprocess.run(
        [*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return repo / ".git", commit


def labelled_source(tmp_path: Path, commit: str, sha256: str) -> tuple[Path, Path]:
    sources = tmp_path / "sources.json"
    page = {"name": "tune/bridge.txt", "repo": "x/suite", "commit": commit}
    sources.write_text(json.dumps([page | {"path": "pages/bridge.html"}]))
    labels = tmp_path / "labels"
    (labels / "tune").mkdir(parents=True)
    (labels / "tune" / "bridge.json").write_text(
        json.dumps({"file": "bridge.txt", "sha256": sha256, "lines": [[1, "furniture"]]})
    )
    return sources, labels


def test_the_build_writes_each_text_beside_its_labels_and_marks_the_text_ready(
    tmp_path, source_repo
):
    """A page whose text is the one labelled gets its labels copied next to it."""
    git_dir, commit = source_repo
    sha = hashlib.sha256(seed_text(page_lines(PAGE))).hexdigest()
    sources, labels = labelled_source(tmp_path, commit, sha)
    out = tmp_path / "devset"
    assert build([git_dir], out, sources, labels) == []
    assert (out / "tune" / "bridge.txt").read_bytes() == seed_text(page_lines(PAGE))
    assert json.loads((out / "tune" / "bridge.json").read_text())["sha256"] == sha
    assert (out / "TEXT_READY").exists()


def test_a_changed_page_is_named_and_its_labels_are_not_copied(tmp_path, source_repo):
    """Labels made for other bytes never score a page: the build says which page changed."""
    git_dir, commit = source_repo
    sources, labels = labelled_source(tmp_path, commit, "0" * 64)
    out = tmp_path / "devset"
    problems = build([git_dir], out, sources, labels)
    assert len(problems) == 1
    assert problems[0].startswith("tune/bridge.txt: the text differs from the one labelled")
    assert not (out / "tune" / "bridge.json").exists()


def test_a_repository_not_fetched_is_named_with_how_to_fetch_it(tmp_path, source_repo):
    _, commit = source_repo
    sources, labels = labelled_source(tmp_path, commit, "0" * 64)
    with pytest.raises(SourceMissing, match="fetch github:x/suite"):
        build([tmp_path / "nowhere"], tmp_path / "devset", sources, labels)


def test_fidelity_refuses_a_text_its_labels_were_not_made_for(tmp_path):
    """The score never counts labels against lines they do not describe."""
    (tmp_path / "a.txt").write_bytes(b"Headline\n")
    (tmp_path / "a.json").write_text(json.dumps({"sha256": "0" * 64, "lines": [[1, "headline"]]}))
    with pytest.raises(StaleLabels, match=r"a\.txt: the text differs"):
        labelled_files(tmp_path)


def site(name: str) -> str:
    """The site a page's name stands for: held/express_co_uk-2.txt is express_co_uk."""
    return re.sub(r"-\d+$", "", Path(name).stem)


def test_the_committed_set_has_sixty_pages_from_six_sources_and_held_sites_apart():
    """Every listed page has labels; held/ shares no site with tune/."""
    pages = json.loads(SOURCES.read_text())
    assert len(pages) >= 60
    assert len({page["repo"] for page in pages}) >= 6
    assert all((LABELS / Path(page["name"]).with_suffix(".json")).exists() for page in pages)
    sites = {part: {site(p["name"]) for p in pages if p["name"].startswith(part)} for part in PARTS}
    assert sites["tune"] and sites["held"]
    assert not sites["tune"] & sites["held"]


# Licences that let us keep labels derived from a repository's pages (issue 15).
KEEPABLE = {"MIT", "Apache-2.0", "MIT OR Apache-2.0", "BSD-2-Clause", "BSD-3-Clause"}


def test_every_page_names_a_licence_that_lets_us_keep_its_labels():
    pages = json.loads(SOURCES.read_text())
    assert {page["name"]: page.get("licence") in KEEPABLE for page in pages} == {
        page["name"]: True for page in pages
    }


def test_no_site_gives_more_than_two_pages():
    """One page a site where possible: a site's template must not dominate the score."""
    sites = Counter(site(page["name"]) for page in json.loads(SOURCES.read_text()))
    assert [name for name, pages in sites.items() if pages > 2] == []


def test_the_list_names_each_repository_once_with_its_licence_and_page_count():
    pages = [
        {"name": "tune/a.txt", "repo": "x/suite", "licence": "MIT"},
        {"name": "tune/b.txt", "repo": "x/suite", "licence": "MIT"},
        {"name": "held/c.txt", "repo": "y/bench", "licence": "Apache-2.0"},
    ]
    assert repositories(pages) == [
        "github:x/suite  MIT  2 pages",
        "github:y/bench  Apache-2.0  1 page",
    ]


DEVSET = default_devset()


@pytest.mark.skipif(
    not all((DEVSET / part).is_dir() for part in PARTS),
    reason=f"no development set at {DEVSET} (bench/devset_build.py writes it)",
)
def test_every_non_blank_line_of_the_rebuilt_set_has_exactly_one_label():
    """The labels list each non-blank line once, in order, with a role of LABELS.md."""
    roles = Counter()
    for part in PARTS:
        for text, labels in labelled_files(DEVSET / part):
            lines = text.read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n")
            non_blank = [n for n, line in enumerate(lines, 1) if line.strip()]
            assert list(labels) == non_blank, text.name
            roles.update(labels.values())
    assert set(roles) <= {
        "headline", "dek", "byline", "dateline", "paragraph",
        "caption", "credit", "teaser", "furniture",
    }  # fmt: skip
