"""Arbitrary bytes through the whole importer: a stored article or a stated rejection, nothing else."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importing.outcomes import Outcome
from articles.importing.pipeline import import_files
from articles.models import Article

names = itertools.count()
LINES = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [">> Read this >>", "By Jane Doe", "Bilal Hussein / AP", "Advertisement", "", "\r"]
        ),
    ),
    max_size=12,
).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(contents=st.lists(st.one_of(st.binary(max_size=400), LINES), min_size=1, max_size=4))
def test_any_bytes_import_or_are_rejected_with_a_reason(contents):
    """Every file is either stored whole, or rejected with a sentence, and never raises."""
    files = [(f"fuzz_{next(names)}.txt", data) for data in contents]
    reports = list(import_files(files))
    assert [r.name for r in reports] == [name for name, _ in files]
    for report in reports:
        if report.outcome == Outcome.REJECTED:
            assert report.reason and not Article.objects.filter(source_file=report.name).exists()
        else:
            article = Article.objects.get(source_file=report.name)
            assert article.headline == report.parsed.headline
            assert article.blocks.count() == len(report.parsed.blocks)
