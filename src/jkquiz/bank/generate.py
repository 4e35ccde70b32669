"""Questions generated from facts: years, timelines and fill-in choices. Seeded and stable."""

from __future__ import annotations

import random
import re
from typing import Any, TypeVar

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import Fact, NumberQuestion, OrderQuestion, QuestionBase, SingleQuestion
from jkquiz.i18n import N_
from jkquiz.text import contains_phrase, normalize

PREFIX = "gen-"
BLANK = "_____"
TIMELINE_SIZE = 4
MAX_TIMELINES = 3
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")  # a gloss in brackets: "(독도, 獨島)"
EMPTY_BRACKETS = re.compile(r"\s*[(（][\s,、・]*[)）]")  # "( , )" left where native names were taken out
Q = TypeVar("Q", bound=QuestionBase)
# The generated questions' words (jkquiz.bank.localize says them in the learner's language from the catalogs).
FILL_YEAR = N_("Fill in the year: {text}")
WHICH_YEAR = N_("In which year did this happen? “{text}”")
FILL_BLANK = N_("Fill in the blank: {text}")
IN_ORDER = N_("Put these in order, earliest first.")
AS_OF = N_("As of {year}: {text}")


def generate_questions(bank: Bank, seed: int = 0) -> int:
    """Add generated questions to `bank` after each topic's authored ones; return how many."""
    added = 0
    ordered: dict[str, QuestionBase] = {}
    by_topic: dict[str, list[QuestionBase]] = {}
    for q in bank.questions.values():
        by_topic.setdefault(q.topic, []).append(q)
    answers: dict[str, list[tuple[str, str]]] = {}
    facts_by_topic: dict[str, list[Fact]] = {}
    for fact in bank.facts.values():
        facts_by_topic.setdefault(fact.topic, []).append(fact)
        if fact.answer:
            answers.setdefault(fact.kind, []).append((fact.topic, fact.answer))
    for topic_id in list(bank.topics) + [t for t in by_topic if t not in bank.topics]:
        for q in by_topic.get(topic_id, []):
            ordered[q.id] = q
        facts = facts_by_topic.get(topic_id, [])
        new: list[QuestionBase] = [made for f in facts if (made := year_question(f)) is not None]
        new += timeline_questions(topic_id, facts, random.Random(f"{seed}:timeline:{topic_id}"))
        new += [pick for f in facts if (pick := choice_question(f, answers, random.Random(f"{seed}:choice:{f.id}"))) is not None]
        for q in new:
            if q.id in ordered or q.id in bank.questions or q.id in bank.facts:
                continue
            ordered[q.id] = q
            added += 1
    bank.questions = ordered
    return added


def year_question(fact: Fact) -> NumberQuestion | None:
    """'Fill in the year: ... in _____ ...' from a dated, uncontested fact."""
    year = fact.year
    if year is None or fact.contested or (fact.as_of and fact.as_of[:4] == str(year)):
        return None
    pattern = re.compile(rf"(?<!\d){year}(?!\d)")
    if pattern.search(fact.statement):
        prompt = FILL_YEAR.format(text=pattern.sub(BLANK, fact.statement))
    else:
        prompt = WHICH_YEAR.format(text=fact.statement)
    return _made(NumberQuestion, fact.topic,
        id=f"{PREFIX}year-{fact.id}",
        type="number",
        prompt=_dated(prompt, fact),
        answer=year,
        facts=[fact.id],
        explanation=fact.statement,
        difficulty=2,
        tags=["generated", "year"],
    )


def timeline_questions(topic_id: str, facts: list[Fact], rng: random.Random) -> list[OrderQuestion]:
    """Order questions over dated, labelled facts of one topic, one fact per year."""
    per_year: dict[int, list[Fact]] = {}
    for fact in facts:
        if fact.year is not None and fact.label:
            per_year.setdefault(fact.year, []).append(fact)
    if len(per_year) < TIMELINE_SIZE:
        return []
    questions = []
    count = min(MAX_TIMELINES, len(per_year) // TIMELINE_SIZE)
    for index in range(count):
        years = sorted(rng.sample(sorted(per_year), TIMELINE_SIZE))
        chosen = [rng.choice(per_year[y]) for y in years]
        questions.append(
            _made(OrderQuestion, topic_id,
                id=f"{PREFIX}timeline-{topic_id}-{index + 1}",
                type="order",
                prompt=IN_ORDER,
                items=[f.label for f in chosen],
                facts=[f.id for f in chosen],
                explanation="; ".join(f"{f.label}: {f.when}" for f in chosen) + ".",
                difficulty=3,
                tags=["generated", "timeline"],
            )
        )
    return questions


def choice_question(fact: Fact, answers: dict[str, list[tuple[str, str]]], rng: random.Random) -> SingleQuestion | None:
    """'Fill in the blank' with distractors from the answers of other facts of the same kind.

    `answers` maps a kind to (topic, answer) of every fact with an answer, in bank order.
    Distractors come from the fact's own topic when it has enough, else from the whole bank.
    """
    if not fact.answer or fact.contested or fact.answer not in fact.statement or _names_in_running_text(fact):
        return None
    statement = normalize(fact.statement)
    seen = {normalize(fact.answer)}
    same_topic: list[str] = []
    elsewhere: list[str] = []
    for topic, answer in answers.get(fact.kind, []):
        key = normalize(answer)
        if key in seen or key in statement or contains_phrase(answer, fact.answer) or contains_phrase(fact.answer, answer):
            continue  # a distractor containing the answer (or inside it) would give it away
        seen.add(key)
        (same_topic if topic == fact.topic else elsewhere).append(answer)
    pool = same_topic if len(same_topic) >= 3 else same_topic + elsewhere
    if len(pool) < 2:
        return None
    choices = [fact.answer, *rng.sample(pool, min(3, len(pool)))]
    rng.shuffle(choices)
    return _made(SingleQuestion, fact.topic,
        id=f"{PREFIX}choice-{fact.id}",
        type="single",
        prompt=_dated(FILL_BLANK.format(text=_without_names(fact).replace(fact.answer, BLANK)), fact),
        choices=choices,
        answer=fact.answer,
        facts=[fact.id],
        explanation=fact.statement,
        difficulty=1,
        tags=["generated", "choice"],
    )


def _names_in_running_text(fact: Fact) -> bool:
    """Whether the answer's name in another script is part of the sentence, not a gloss in brackets: taking it
    out (it would give the answer away) would leave a hole ('the same characters are written  in Korean')."""
    running = BRACKETED.sub("", fact.statement)
    return any(name in running for name in (fact.terms.model_dump(exclude_none=True).values() if fact.terms else ()))


def _without_names(fact: Fact) -> str:
    """The statement without the answer's names in other scripts ('_____ (독도, 獨島)' would give it away)."""
    text = fact.statement
    for name in (fact.terms.model_dump(exclude_none=True).values() if fact.terms else ()):
        text = text.replace(name, "")
    return EMPTY_BRACKETS.sub("", text)


def _made(model: type[Q], topic: str, **fields: Any) -> Q:
    """A generated question of `topic` (topic and origin given at validation, as the loader gives them)."""
    return model.model_validate(fields, context={"topic": topic, "generated": True})


def _dated(prompt: str, fact: Fact) -> str:
    """Prefix 'As of YYYY:' when the fact is time-bound and the prompt does not say so."""
    if fact.as_of and fact.as_of[:4] not in prompt:
        return AS_OF.format(year=fact.as_of[:4], text=prompt)
    return prompt
