"""import_seeds reads only what the paths it is given name."""

import os

import pytest

from articles.seedfile.paths import SeedPathError, find_seed_files


def test_a_symlink_out_of_the_named_directory_is_not_followed(tmp_path):
    """A link inside seeds/ pointing at a file elsewhere is skipped, so imports cannot escape."""
    outside = tmp_path / "secret.txt"
    outside.write_text("Private\n\nNot for import.")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "story.txt").write_text("Story\n\nBody.")
    os.symlink(outside, seeds / "link.txt")
    os.symlink("/etc/passwd", seeds / "passwd.txt")
    assert [p.name for p in find_seed_files([str(seeds)])] == ["story.txt"]


def test_hidden_files_and_subdirectories_are_left_alone(tmp_path):
    """Editor backups like .story.txt.swp and nested folders are not imported from a directory."""
    (tmp_path / ".story.txt.swp").write_text("x")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "deep.txt").write_text("Deep\n\nBody.")
    (tmp_path / "story.txt").write_text("Story\n\nBody.")
    assert [p.name for p in find_seed_files([str(tmp_path)])] == ["story.txt"]


def test_a_pattern_matching_nothing_is_an_error(tmp_path):
    """A glob that matches no file says so instead of silently importing nothing."""
    with pytest.raises(SeedPathError, match="no files match"):
        find_seed_files([str(tmp_path / "*.txt")])


def test_the_same_file_named_twice_is_imported_once(tmp_path):
    """A file named directly and through its directory appears once."""
    story = tmp_path / "story.txt"
    story.write_text("Story\n\nBody.")
    assert find_seed_files([str(story), str(tmp_path)]) == [story]
