"""Parse many files in one call: the unit of work the importer hands to a second process.

Kept apart from the importer because that process must not import Django.
"""

import ctypes
import os
import signal
import sys
import threading
import time

from articles.seedfile.parser import ParsedArticle, SeedError, parse_bytes

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Run first in the parsing process: it ends when the importer `parent` ends, however
    that ends. Killed (SIGKILL), the importer cannot stop it, and it would otherwise wait on
    the dead importer's pipes for minutes (issue 18)."""
    if sys.platform.startswith("linux"):
        # The kernel sends SIGKILL to this process the moment its parent dies.
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def parse_many(
    contents: list[bytes], *, keep_lines: bool = True
) -> list[ParsedArticle | SeedError]:
    """Each file's parse (with only the lines worth review unless `keep_lines`), or the SeedError
    that rejects it, in order."""
    results: list[ParsedArticle | SeedError] = []
    for data in contents:
        try:
            parsed = parse_bytes(data)
        except SeedError as error:
            results.append(error)
        else:
            results.append(parsed if keep_lines else parsed.for_import())
    return results
