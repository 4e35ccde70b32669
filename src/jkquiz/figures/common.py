"""Finding a topic's facts for a figure, with a learner-readable error when there are none."""

from __future__ import annotations

from collections.abc import Callable

from jkquiz.bank import Bank, Fact
from jkquiz.bank.localize import Localizer
from jkquiz.errors import QuizError


def course_or(bank: Bank | None) -> Bank:
    """The given bank, or the course's bank (loaded once per kernel)."""
    if bank is not None:
        return bank
    from jkquiz.bank.shared import course_bank

    return course_bank()


def topic_facts(topic: str, bank: Bank | None, keep: Callable[[Fact], bool], what: str) -> tuple[str, list[Fact]]:
    """The topic's title and its facts that `keep` accepts; QuizError when the topic or the facts are missing."""
    from jkquiz.engine.select import check_topics

    bank = course_or(bank)
    check_topics(bank, [topic])
    facts = [f for f in bank.facts_for(topic) if keep(f)]
    if not facts:
        raise QuizError(f"topic '{topic}' has no {what} to draw")
    return localizer(bank).topic_title(topic), facts


def localizer(bank: Bank | None) -> Localizer:
    """The bank's texts in the learner's language (the course bank's translations; another bank as written)."""
    from jkquiz.bank.shared import course_localizer, is_course_bank
    from jkquiz.i18n import get_language

    if bank is None or is_course_bank(bank):
        return course_localizer(get_language())
    return Localizer(bank)
