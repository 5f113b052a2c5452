"""The seed-format package is pure Python: it imports nothing from Django (issue 12)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Makes `import django` fail, then imports every module of the package and parses a file.
PROBE = """
import importlib, pkgutil, sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError(f"the seed-format package imported {name}")

sys.meta_path.insert(0, NoDjango())
import articles.seedfile as package
names = [m.name for m in pkgutil.iter_modules(package.__path__, "articles.seedfile.")]
for name in names:
    importlib.import_module(name)
from articles.seedfile.parser import parse
parse("Council Approves Bridge\\nThe council voted on Tuesday.")
print(len(names), "modules")
"""


def test_the_seed_format_package_works_with_django_unimportable():
    """Every module of articles.seedfile imports, and a file parses, when Django cannot load."""
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.split()[0] != "0"
