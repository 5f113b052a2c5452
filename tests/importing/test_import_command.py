import html as html_lib
import json
import math
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from articles.models import Article, Block

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_ce89d911b5e9762c.txt"
HEADLINE = "In Damascus, Iran's Army Chief Warns Against Israeli Incursions Into Syria"
TEASER = "Israel’s Explosive Message to Russia Sent in Syria, Received in Tel Aviv"


def run(*args: str) -> tuple[int, str, str]:
    """Run import_seeds in-process; returns (exit code, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_seeds", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, out.getvalue(), err.getvalue()
    except CommandError as exc:
        return exc.returncode, out.getvalue(), str(exc)
    return 0, out.getvalue(), err.getvalue()


def write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_seed_file_imports_into_its_exact_structure():
    """The seed becomes a headline, a standfirst, two captions, one teaser and eight paragraphs."""
    code, out, _ = run(str(SEED))
    assert code == 0
    article = Article.objects.get()
    assert article.headline == HEADLINE
    assert article.dek.startswith("Israel cannot 'violate Syria anytime it wants'")
    kinds = list(article.blocks.values_list("kind", flat=True))
    assert kinds.count("caption") == 2
    assert kinds.count("teaser") == 1
    assert kinds.count("paragraph") == 8
    assert len(kinds) == 11
    captions = list(article.blocks.filter(kind="caption"))
    assert captions[0].credit == ""
    assert captions[1].text == "Syrian protesters in Beirut, July 24, 2011"
    assert captions[1].credit == "Bilal Hussein / AP"
    assert article.blocks.get(kind="teaser").text == TEASER
    assert kinds.index("teaser") > kinds.index("caption")
    assert "imported 1, updated 0, unchanged 0, conflicts 0, rejected 0" in out


def test_seed_article_page_shows_all_its_text_in_file_order(client):
    """Every line of the seed appears on the article page, in the order of the file."""
    run(str(SEED))
    html = client.get(Article.objects.get().get_absolute_url()).content.decode()
    text = html_lib.unescape(html).replace("\xa0", " ")
    positions = []
    for line in SEED.read_text().splitlines():
        line = " ".join(line.replace("\xa0", " ").split())
        if line:
            fragment = line.strip("> ").strip()[:40]
            assert fragment in " ".join(text.split()), fragment
            positions.append(" ".join(text.split()).index(fragment))
    assert positions == sorted(positions)


def test_default_path_is_the_seeds_directory():
    """With no path the command imports everything in seeds/."""
    code, _, _ = run()
    assert code == 0
    assert Article.objects.filter(source_file=SEED.name).exists()


def test_directories_and_globs_are_expanded(tmp_path):
    """Directories give their files and glob patterns their matches."""
    write(tmp_path, "a.txt", "Alpha headline\n\nAlpha body paragraph one.\n\nAnother one.")
    write(tmp_path, "b.txt", "Beta headline\n\nBeta body paragraph one.\n\nAnother one.")
    sub = tmp_path / "more"
    sub.mkdir()
    write(sub, "c.txt", "Gamma headline\n\nGamma body paragraph.\n\nAnother one.")
    assert run(str(tmp_path))[0] == 0
    assert run(str(tmp_path / "**" / "*.txt"))[0] == 0
    assert set(Article.objects.values_list("headline", flat=True)) == {
        "Alpha headline",
        "Beta headline",
        "Gamma headline",
    }


def test_dry_run_writes_nothing_and_says_what_it_would_store():
    """--dry-run reports the outcome and the structure without touching the database."""
    code, out, _ = run("--dry-run", str(SEED))
    assert code == 0
    assert Article.objects.count() == 0
    assert "imported" in out and HEADLINE in out
    assert "2 caption" in out and "8 paragraph" in out and "1 teaser" in out


def test_dry_run_json_prints_one_object_per_file_with_every_line_role(tmp_path):
    """--dry-run --json gives machine-readable structure: blocks and a role for every line."""
    other = write(tmp_path, "other.txt", "Other headline\n\nOther body text.\n\nAnd more.")
    code, out, _ = run("--dry-run", "--json", str(SEED), str(other))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["file"] for r in records] == [SEED.name, "other.txt"]
    seed = records[0]
    assert seed["headline"] == HEADLINE
    non_blank = [n for n, line in enumerate(SEED.read_text().splitlines(), 1) if line.strip()]
    assert [n for n, *_ in seed["lines"]] == non_blank
    assert seed["lines"][0][:2] == [1, "headline"]
    assert {
        "type": "caption",
        "text": "Syrian protesters in Beirut, July 24, 2011",
        "credit": "Bilal Hussein / AP",
    } in seed["blocks"]
    assert Article.objects.count() == 0


def test_dry_run_json_gives_line_roles_for_files_parsed_in_the_second_process(tmp_path):
    """With one file a batch, later files are parsed by another process: their line roles still arrive."""
    files = [
        write(tmp_path, f"story{n}.txt", f"Headline {n}\n\nFirst paragraph.\n\nSecond one.")
        for n in range(3)
    ]
    code, out, _ = run("--dry-run", "--json", "--batch-size", "1", *map(str, files))
    assert code == 0
    roles = [[1, "headline"], [3, "paragraph"], [5, "paragraph"]]
    lines = [json.loads(line)["lines"] for line in out.splitlines()]
    assert [[line[:2] for line in file_lines] for file_lines in lines] == [roles] * 3


def test_dry_run_json_names_the_rule_that_decided_each_line():
    """Each line of --dry-run --json is [number, role, rule, confidence]: why it has its role."""
    code, out, _ = run("--dry-run", "--json", str(SEED))
    assert code == 0
    records = json.loads(out)["lines"]
    assert all(0 < confidence <= 1 for *_, confidence in records)
    lines = {number: (role, rule) for number, role, rule, _ in records}
    assert lines[1] == ("headline", "first-text-line")
    assert lines[3] == ("dek", "dek-summary")
    assert lines[5] == ("caption", "caption-date")
    assert lines[14] == ("credit", "slash-credit")
    assert lines[16] == ("teaser", "marked-link")
    assert lines[18] == ("paragraph", "plain-text")


def test_json_without_dry_run_is_a_usage_error():
    """--json alone is refused with exit code 2."""
    code, _, err = run("--json", str(SEED))
    assert code == 2
    assert "--dry-run" in err


def test_missing_path_is_a_usage_error(tmp_path):
    """A path that names nothing exits 2 and says which path."""
    code, _, err = run(str(tmp_path / "nope.txt"))
    assert code == 2
    assert "nope.txt" in err


def test_reimporting_the_same_file_changes_nothing():
    """A second import of an unchanged file reports it unchanged and keeps the article as is."""
    run(str(SEED))
    before = Article.objects.get()
    code, out, _ = run(str(SEED))
    assert code == 0
    assert "unchanged 1" in out
    after = Article.objects.get()
    assert after.pk == before.pk and after.modified_at == before.modified_at
    assert Block.objects.count() == 11


def test_changed_file_updates_its_article_in_place(tmp_path):
    """A file edited since the last import updates the same article, at the same address."""
    path = write(tmp_path, "story.txt", "Storm nears coast\n\nWinds rise.\n\nSchools close.")
    run(str(path))
    article = Article.objects.get()
    write(
        tmp_path,
        "story.txt",
        "Storm nears coast\n\nWinds rise fast.\n\nSchools close.\n\nRoads shut.",
    )
    code, out, _ = run(str(path))
    assert code == 0 and "updated 1" in out
    updated = Article.objects.get()
    assert updated.pk == article.pk and updated.slug == article.slug
    assert list(updated.blocks.values_list("text", flat=True)) == [
        "Winds rise fast.",
        "Schools close.",
        "Roads shut.",
    ]


def test_editor_changes_are_kept_as_a_conflict_unless_forced(tmp_path):
    """If an editor changed the article since its import, a changed file is a conflict."""
    path = write(tmp_path, "story.txt", "Storm nears coast\n\nWinds rise.\n\nSchools close.")
    run(str(path))
    Article.objects.update(dek="An editor's standfirst", edited_at=timezone.now())
    write(tmp_path, "story.txt", "Storm nears coast\n\nWinds rise fast.\n\nSchools close.")
    code, out, _ = run(str(path))
    assert code == 0
    assert "conflicts 1" in out and "editor" in out
    assert Article.objects.get().dek == "An editor's standfirst"
    code, out, _ = run("--force", str(path))
    assert "updated 1" in out
    assert Article.objects.get().blocks.first().text == "Winds rise fast."


def test_draft_flag_imports_unpublished(client):
    """--draft stores the article without publishing it."""
    run("--draft", str(SEED))
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert client.get(article.get_absolute_url()).status_code == 404


def test_default_import_publishes(client):
    """Without --draft the article is on the site straight away."""
    run(str(SEED))
    assert HEADLINE.split(",")[0] in client.get("/").content.decode()


def test_teaser_links_to_the_article_it_names_even_when_imported_later(tmp_path, client):
    """A teaser first links nowhere, then to the article once that article exists."""
    run(str(SEED))
    teaser = Block.objects.get(kind="teaser")
    assert teaser.href == ""
    target = write(
        tmp_path,
        "target.txt",
        "Israel's Explosive Message to Russia Sent in Syria, "
        "Received in Tel Aviv\n\nThe message was clear.\n\nIt was received.",
    )
    run(str(target))
    teaser.refresh_from_db()
    assert teaser.href == Article.objects.get(source_file="target.txt").get_absolute_url()
    page = client.get(Article.objects.get(source_file=SEED.name).get_absolute_url())
    assert teaser.href in page.content.decode()


def test_editor_set_teaser_link_wins(tmp_path):
    """An explicit link set by an editor is never replaced by the automatic one."""
    run(str(SEED))
    Block.objects.filter(kind="teaser").update(link_url="https://example.org/story")
    target = write(tmp_path, "t.txt", f"{TEASER}\n\nBody one.\n\nBody two.")
    run(str(target))
    assert Block.objects.get(kind="teaser", article__source_file=SEED.name).href == (
        "https://example.org/story"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n  \r\n", "only whitespace"),
        (b"Headline\x00\n\nBody text here.", "NUL"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
        (b"Just a headline\n\n", "no body"),
        (b"Headline\n\n" + b"x" * 25_000, "line 3"),
        (b"Headline\n\n" + b"A line of text.\n" * 200_000, "limit"),
    ],
    ids=["empty", "whitespace", "nul", "binary", "headline-only", "long-line", "huge-file"],
)
def test_bad_files_are_rejected_with_a_specific_reason_and_store_nothing(tmp_path, content, reason):
    """Each kind of bad input names the file and the problem, stores nothing, and exits 1."""
    bad = write(tmp_path, "bad.txt", content)
    code, out, _ = run(str(bad))
    assert code == 1
    assert "rejected   bad.txt:" in out
    assert reason.lower() in out.lower()
    assert "Traceback" not in out
    assert Article.objects.count() == 0


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    """Good files import even when a file beside them is rejected."""
    write(tmp_path, "a_good.txt", "Good headline\n\nGood body.\n\nMore body.")
    write(tmp_path, "b_bad.txt", b"")
    write(tmp_path, "c_good.txt", "Second good headline\n\nGood body.\n\nMore body.")
    code, out, _ = run(str(tmp_path))
    assert code == 1
    assert "imported 2" in out and "rejected 1" in out
    assert Article.objects.count() == 2


def test_text_that_is_not_utf8_is_read_as_cp1252_with_a_warning(tmp_path):
    """A Windows-1252 file imports, with its curly quotes intact and a warning."""
    path = write(
        tmp_path,
        "win.txt",
        "Caf\xe9 \x93opens\x94\n\nIt serves coffee.\n\nAnd cake.".encode("latin-1"),
    )
    code, out, _ = run(str(path))
    assert code == 0
    assert "warning" in out.lower() and "1252" in out
    assert Article.objects.get().headline == "Café “opens”"


def test_html_in_a_file_is_stored_as_text_and_escaped_on_the_page(tmp_path, client):
    """Markup in a seed file is kept as text and never runs in a reader's browser."""
    path = write(
        tmp_path,
        "html.txt",
        "<b>Bold</b> claim\n\nIt read <script>alert('x')</script> and more.\n\nPlain text.",
    )
    code, out, _ = run(str(path))
    assert code == 0 and "html" in out.lower()
    article = Article.objects.get()
    assert article.headline == "<b>Bold</b> claim"
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_hebrew_article_reads_right_to_left(tmp_path, client):
    """A Hebrew file becomes an article marked lang=he and dir=rtl."""
    path = write(
        tmp_path,
        "he.txt",
        "\ufeffראש הממשלה נפגש עם שר ההגנה\r\n\r\nהפגישה נערכה בירושלים.\r\n\r\nהיא נמשכה שעתיים.",
    )
    run(str(path))
    article = Article.objects.get()
    assert article.headline == "ראש הממשלה נפגש עם שר ההגנה"
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'lang="he"' in html and 'dir="rtl"' in html


@pytest.mark.django_db(transaction=True)
def test_command_line_exit_codes(tmp_path):
    """The real command exits 0 on success, 1 when a file is rejected and 2 on a usage error."""
    settings = connection.settings_dict
    url = f"postgresql://{settings['USER']}@/{settings['NAME']}?host={settings['HOST']}&port={settings['PORT']}"
    env = {**os.environ, "DATABASE_URL": url}

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", "import_seeds", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert manage(str(SEED)).returncode == 0
    empty = write(tmp_path, "empty.txt", b"")
    result = manage(str(empty))
    assert result.returncode == 1 and "empty.txt" in result.stdout
    assert "Traceback" not in result.stderr
    assert manage(str(tmp_path / "missing")).returncode == 2


def test_imported_article_shows_its_reading_time(client):
    """The reading time of an imported article counts the words of its body."""
    run(str(SEED))
    article = Article.objects.get()
    minutes = math.ceil(len(article.body_text.split()) / 230)
    assert minutes > 1
    assert f"{minutes} min read" in client.get(article.get_absolute_url()).content.decode()
