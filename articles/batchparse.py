"""Parse many files in one call: the unit of work the importer hands to a second process.

Kept apart from the importer because that process must not import Django.
"""

from articles.seedparser import ParsedArticle, SeedError, parse_bytes


def parse_many(contents: list[bytes]) -> list[ParsedArticle | SeedError]:
    """Each file's parse, or the SeedError that rejects it, in order."""
    results: list[ParsedArticle | SeedError] = []
    for data in contents:
        try:
            results.append(parse_bytes(data))
        except SeedError as error:
            results.append(error)
    return results
