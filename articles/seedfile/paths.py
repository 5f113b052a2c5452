"""Turn the paths, directories and globs given to import_seeds into a list of files.

A directory yields the regular files directly inside it (hidden ones skipped);
a file reached through a symlink that points outside the directory is refused,
so an import path can never escape the directory it names.
"""

import glob
from pathlib import Path


class SeedPathError(ValueError):
    """A path names nothing that can be imported."""


def find_seed_files(patterns: list[str]) -> list[Path]:
    """Every file the patterns name, sorted within each pattern, without repeats."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        for path in _expand(pattern):
            found.setdefault(path, None)
    return list(found)


def _expand(pattern: str) -> list[Path]:
    path = Path(pattern)
    if path.is_dir():
        return _files_in(path)
    if path.is_file():
        return [path]
    if glob.has_magic(pattern):
        matches = [Path(p) for p in sorted(glob.glob(pattern, recursive=True))]
        files = [p for p in matches if p.is_file() and not p.name.startswith(".")]
        if files:
            return files
        raise SeedPathError(f"{pattern}: no files match this pattern")
    raise SeedPathError(f"{pattern}: no such file or directory")


def _files_in(directory: Path) -> list[Path]:
    root = directory.resolve()
    return [
        child
        for child in sorted(directory.iterdir())
        if not child.name.startswith(".")
        and child.is_file()
        and child.resolve().is_relative_to(root)
    ]
