"""Every rule of the parser's tables decides the example lines it exists for (issue 12)."""

import pytest

from articles.seedfile.parser import parse
from articles.seedfile.pass_rules import PASS_RULES
from articles.seedfile.rules import LINE_RULES

HEADLINE = "Council Approves Plan for New Bridge"
BODY = "The council said on Tuesday that the road would reopen next month."
MARK = "* "


def decision(example: str) -> tuple[str, str]:
    """The role and rule the parser gives an example: a line set in the body of an article,
    or, for an example of several lines, its line marked "* "."""
    lines = example.split("\n") if "\n" in example else [HEADLINE, BODY, MARK + example, BODY]
    at = next(i for i, line in enumerate(lines) if line.startswith(MARK))
    lines[at] = lines[at].removeprefix(MARK)
    line = parse("\n".join(lines)).lines[at]
    return line.role, line.rule


EXAMPLES = [
    pytest.param(rule.name, rule.role, example, id=f"{rule.name}: {example[-40:]}")
    for rule in (*LINE_RULES, *PASS_RULES)
    for example in rule.examples
]


@pytest.mark.parametrize(("name", "role", "example"), EXAMPLES)
def test_each_rule_decides_its_own_examples_with_its_role(name, role, example):
    """Each example of a rule is decided by that rule, and gets the rule's role."""
    assert decision(example) == (role, name)


def test_every_rule_has_a_unique_name_and_at_least_one_example():
    """Rules are told apart by name in --dry-run --json, and each shows what it is for."""
    rules = (*LINE_RULES, *PASS_RULES)
    names = [rule.name for rule in rules]
    assert len(names) == len(set(names))
    assert [rule.name for rule in rules if not rule.examples] == []


def test_each_line_carries_a_confidence_lower_for_a_scrap_than_for_a_sentence():
    """A plain sentence is a surer paragraph than a short scrap of page the rules do not know."""
    article = parse("\n".join([HEADLINE, BODY, "Weather tomorrow", BODY]))
    sentence, scrap = article.lines[1], article.lines[2]
    assert (sentence.role, scrap.role) == ("paragraph", "paragraph")
    assert 0 < scrap.confidence < sentence.confidence <= 1
