"""The project's rule that every module stays under 500 lines, so a reader can hold it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 500


def own_modules() -> list[Path]:
    """Our Python and JavaScript: not migrations (Django writes them) nor vendored files."""
    found = [
        path
        for folder in ("articles", "newsroom", "bench", "tests", "static")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in (".py", ".js")
        and "migrations" not in path.parts
        and "vendor" not in path.parts
        and ".min." not in path.name
    ]
    return [*found, ROOT / "manage.py"]


def test_no_module_of_ours_is_over_500_lines():
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in own_modules()
    }
    assert len(sizes) > 100  # the walk found the project
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}
