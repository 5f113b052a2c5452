"""Parse many files in one call: the unit of work the importer hands to a second process.

Kept apart from the importer because that process must not import Django.
"""

from articles.seedfile.parser import ParsedArticle, SeedError, parse_bytes


def parse_many(
    contents: list[bytes], *, keep_lines: bool = True
) -> list[ParsedArticle | SeedError]:
    """Each file's parse (without its source lines unless `keep_lines`), or the SeedError
    that rejects it, in order."""
    results: list[ParsedArticle | SeedError] = []
    for data in contents:
        try:
            parsed = parse_bytes(data)
        except SeedError as error:
            results.append(error)
        else:
            results.append(parsed if keep_lines else parsed.without_lines())
    return results
