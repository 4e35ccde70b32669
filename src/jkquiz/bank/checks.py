"""Checks across a loaded bank, run in order; each yields Problems located at a field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jkquiz.bank.bank import Bank
from jkquiz.bank.locations import ItemKind, Locations, topic_of_file
from jkquiz.bank.messages import suggest
from jkquiz.bank.sources_policy import refused_by, refused_entries
from jkquiz.bank.terms_policy import unattributed_terms
from jkquiz.bank.model import (
    MatchQuestion,
    MultipleQuestion,
    NumberQuestion,
    OrderQuestion,
    QuestionBase,
    SingleQuestion,
    TextQuestion,
)
from jkquiz.bank.identity import answered_ids_remain, renames_keep_history
from jkquiz.errors import Problem
from jkquiz.text import contains_phrase, format_number, normalize

Check = Callable[[Bank, Locations], Iterator[Problem]]  # each check: the bank, and where its items were written
NAME_NOISE = re.compile(r"[\s·・\-–]+")  # spaces and separators writers place differently in names
NON_LATIN = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def file_names_match_topics(bank: Bank, where: Locations) -> Iterator[Problem]:
    """A file is named NN-<topic id>.yaml."""
    for topic_id, file in where.files.items():
        if topic_of_file(file) != topic_id:
            yield where.problem("topic", topic_id, "id", message=f"the file should be named NN-{topic_id}.yaml to match the topic id")


def topics_have_questions(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Every topic has at least one authored question."""
    with_questions = {q.topic for q in bank.iter_authored()}
    for topic_id in bank.topics:
        if topic_id not in with_questions:
            yield where.problem("topic", topic_id, message=f"topic '{topic_id}' has no questions")


def contested_facts_have_both_perspectives(bank: Bank, where: Locations) -> Iterator[Problem]:
    """A contested fact states what each government holds; perspectives imply contested."""
    for fact in bank.facts.values():
        p = fact.perspectives
        if fact.contested:
            missing = [side for side in ("japan", "korea") if p is None or getattr(p, side) is None]
            if missing:
                field = "perspectives" if p is not None else "contested"
                yield where.problem(
                    "fact", fact.id, field, key=p is not None,
                    message=f"a contested fact needs both perspectives; missing: {', '.join(missing)}",
                )
        elif p is not None:
            yield where.problem(
                "fact", fact.id, "perspectives", key=True,
                message="perspectives are given but the fact is not marked `contested: true`",
            )


def fact_fields_agree(bank: Bank, where: Locations) -> Iterator[Problem]:
    """answer appears in the statement; value/unit/series/coords fit the fact's kind."""
    for fact in bank.facts.values():
        if fact.answer is not None and not contains_phrase(fact.statement, fact.answer):
            yield where.problem("fact", fact.id, "answer", message=f"answer '{fact.answer}' does not appear in the statement")
        if fact.value is not None and fact.kind != "statistic":
            yield where.problem("fact", fact.id, "value", message="only a statistic fact (kind: statistic) has a value")
        if (fact.unit is not None or fact.series is not None) and fact.value is None:
            yield where.problem("fact", fact.id, "unit" if fact.unit else "series", message="unit and series need a value")
        if fact.series is not None and fact.as_of is None:
            yield where.problem("fact", fact.id, "series", message="a statistic in a series needs `as_of` (its date)")
        if fact.coords is not None and fact.kind != "place":
            yield where.problem("fact", fact.id, "coords", message="only a place fact (kind: place) has coords")


def questions_cite_existing_facts(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Every fact a question names exists."""
    ids = list(bank.facts)
    for q in bank.iter_authored():
        for index, fact_id in enumerate(q.facts):
            if fact_id not in bank.facts:
                yield where.problem("question", q.id, "facts", index, message=f"fact '{fact_id}' does not exist{suggest(fact_id, ids)}")


def choices_are_consistent(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Choices are distinct; answers are among them; feedback names real choices."""
    for q in bank.iter_authored():
        if not isinstance(q, (SingleQuestion, MultipleQuestion)):
            continue
        yield from _duplicates(where, q, "choices", q.choices)
        answers = [("answer", None, q.answer)] if isinstance(q, SingleQuestion) else [("answers", i, a) for i, a in enumerate(q.answers)]
        for field, index, answer in answers:
            if answer not in q.choices:
                path = (field,) if index is None else (field, index)
                yield where.problem("question", q.id, *path, message=f"answer '{answer}' is not among the choices{suggest(answer, q.choices)}")
        if isinstance(q, MultipleQuestion):
            yield from _duplicates(where, q, "answers", q.answers)
        for choice in q.choice_feedback:
            if choice not in q.choices:
                yield where.problem("question", q.id, "choice_feedback", choice, key=True,
                                   message=f"feedback for '{choice}', which is not one of the choices{suggest(choice, q.choices)}")


def orders_and_matches_are_well_formed(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Order items are distinct; match pairs are one-to-one."""
    for q in bank.iter_authored():
        if isinstance(q, OrderQuestion):
            yield from _duplicates(where, q, "items", q.items)
        elif isinstance(q, MatchQuestion):
            for side, name in ((0, "left"), (1, "right")):
                seen: dict[str, int] = {}
                for index, pair in enumerate(q.pairs):
                    key = normalize(pair[side])
                    if key in seen:
                        yield where.problem("question", q.id, "pairs", index, side,
                                           message=f"pairs are not one-to-one: {name} item '{pair[side]}' appears twice")
                    seen.setdefault(key, index)


def numbers_within_range(bank: Bank, where: Locations) -> Iterator[Problem]:
    """A number answer lies within its stated min/max."""
    for q in bank.iter_authored():
        if not isinstance(q, NumberQuestion):
            continue
        if q.min is not None and q.max is not None and q.min > q.max:
            yield where.problem("question", q.id, "min", message=f"min {format_number(q.min)} is larger than max {format_number(q.max)}")
        elif (q.min is not None and q.answer < q.min) or (q.max is not None and q.answer > q.max):
            low = format_number(q.min) if q.min is not None else "-inf"
            high = format_number(q.max) if q.max is not None else "inf"
            yield where.problem("question", q.id, "answer", message=f"answer {format_number(q.answer)} is outside the stated range {low}..{high}")


def answers_not_leaked(bank: Bank, where: Locations) -> Iterator[Problem]:
    """A prompt does not contain its own answer verbatim."""
    for q in bank.iter_authored():
        leaked = _leaked_answer(q)
        if leaked:
            yield where.problem("question", q.id, "prompt", message=f"the prompt gives away the answer '{leaked}'")


def time_bound_facts_are_dated(bank: Bank, where: Locations) -> Iterator[Problem]:
    """A question on a fact true only as of a date says so in its prompt."""
    for q in bank.iter_authored():
        for fact in bank.facts_of(q):
            if fact.as_of and fact.as_of[:4] not in q.prompt:
                yield where.problem("question", q.id, "prompt",
                                   message=f"rests on '{fact.id}', true as of {fact.as_of}: say \"As of {fact.as_of[:4]}, ...\" in the prompt")
                break


def terms_are_sourced(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Every native-script name, in terms or a text alternate, appears in a quote of its facts."""
    for fact in bank.facts.values():
        quotes = [_name_key(s.quote) for s in fact.sources]
        for script, name in (fact.terms.model_dump(exclude_none=True).items() if fact.terms else ()):
            if not any(_name_key(name) in quote for quote in quotes):
                yield where.problem("fact", fact.id, "terms", script,
                                   message=f"terms.{script} '{name}' appears in none of this fact's source quotes: "
                                           "quote a source that gives it, or remove it")
    for q in bank.iter_authored():
        if not isinstance(q, TextQuestion):
            continue
        facts = bank.facts_of(q)
        known = [_name_key(s.quote) for f in facts for s in f.sources]
        known += [_name_key(t) for f in facts if f.terms for t in f.terms.model_dump(exclude_none=True).values()]
        for index, alternate in enumerate(q.alternates):
            if NON_LATIN.search(alternate) and not any(_name_key(alternate) in text for text in known):
                yield where.problem("question", q.id, "alternates", index,
                                   message=f"alternate '{alternate}' appears in none of the terms or source quotes "
                                           "of this question's facts: quote a source that gives it, or remove it")


def generated_prefix_reserved(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Ids starting with 'gen-' belong to generated questions."""
    authored: tuple[tuple[ItemKind, dict[str, Any]], ...] = (("fact", bank.facts), ("question", {q.id: q for q in bank.iter_authored()}))
    for kind, items in authored:
        for item_id in items:
            if item_id.startswith("gen-"):
                yield where.problem(kind, item_id, "id", message="ids starting with 'gen-' are reserved for generated questions")


def sources_are_citable(bank: Bank, where: Locations) -> Iterator[Problem]:
    """No source's address is on the refused list (Wikipedia and its copies, wikis, aggregators)."""
    folders = tuple(sorted({str(Path(file).parent) for file in where.files.values()}))
    entries = refused_entries(folders)
    for fact in bank.facts.values():
        for index, source in enumerate(fact.sources):
            entry = refused_by(source.url, entries) if source.url else None
            if entry:
                yield where.problem("fact", fact.id, "sources", index, "url",
                                   message=f"a course cannot cite this address ({entry} is on the refused list of "
                                           "mirrors, wikis and aggregators): cite the original page (CONTRIBUTING.md)")


def one_sided_terms_are_attributed(bank: Bank, where: Locations) -> Iterator[Problem]:
    """In the course's own voice, a government's own term is attributed or paired (CONTRIBUTING.md)."""
    def found(kind: ItemKind, item_id: str, path: tuple[Any, ...], text: str, context: str = "") -> Iterator[Problem]:
        for what in unattributed_terms(text, context):
            yield where.problem(kind, item_id, *path, message=f"{what}: in the course's own voice use the neutral term, "
                                                             "or say whose term it is in the same sentence")

    for topic in bank.topics.values():
        for path, text in _texts(topic.model_dump(include={"title", "summary", "objectives"})):
            yield from found("topic", topic.id, path, text)
    for fact in bank.facts.values():
        for path, text in _texts(fact.model_dump(include={"statement", "label"})):
            yield from found("fact", fact.id, path, text)
    for q in bank.iter_authored():
        for path, text in _texts(q.model_dump(include={"prompt", "explanation"})):
            yield from found("question", q.id, path, text)
        answers = q.model_dump(include={"choices", "answer", "answers", "choice_feedback", "items"})
        for path, text in _texts(answers):
            yield from found("question", q.id, path, text, context=q.prompt)
        for index, pair in enumerate(getattr(q, "pairs", None) or []):  # a pair's other side names whose term it is
            for side in (0, 1):
                yield from found("question", q.id, ("pairs", index, side), pair[side], context=f"{q.prompt} {pair[1 - side]}")


def choices_give_nothing_away(bank: Bank, where: Locations) -> Iterator[Problem]:
    """No other choice contains the answer, and no prompt shows the answer's native-script names.

    Covers generated questions too (they are located at the fact they come from).
    """
    for q in bank.questions.values():
        if not isinstance(q, (SingleQuestion, MultipleQuestion)):
            continue
        answers = [q.answer] if isinstance(q, SingleQuestion) else list(q.answers)
        facts = bank.facts_of(q)
        at: tuple[ItemKind, str, tuple[Any, ...]] = (("fact", facts[0].id, ("statement",)) if q.generated and facts
                                                     else ("question", q.id, ("prompt",)))
        for index, choice in enumerate(q.choices):
            hit = next((a for a in answers if choice != a and len(normalize(a)) >= 4 and contains_phrase(choice, a)), None)
            if hit:
                kind, item, path = ("question", q.id, ("choices", index)) if not q.generated else at
                yield where.problem(kind, item, *path, message=f"{'generated question ' + q.id + ': ' if q.generated else ''}"
                                   f"the choice '{choice}' contains the answer '{hit}', which gives it away")
        names = {name for f in facts if f.terms and f.answer in answers
                 for name in f.terms.model_dump(exclude_none=True).values()}
        shown = sorted(name for name in names if name in q.prompt)
        if shown:
            kind, item, path = at
            yield where.problem(kind, item, *path, message=f"{'generated question ' + q.id + ': ' if q.generated else ''}"
                               f"the prompt shows {', '.join(shown)}, the answer's own name in another script")


CHECKS: list[Check] = [
    generated_prefix_reserved,
    file_names_match_topics,
    topics_have_questions,
    contested_facts_have_both_perspectives,
    fact_fields_agree,
    questions_cite_existing_facts,
    choices_are_consistent,
    orders_and_matches_are_well_formed,
    numbers_within_range,
    answers_not_leaked,
    choices_give_nothing_away,
    time_bound_facts_are_dated,
    terms_are_sourced,
    renames_keep_history,
    answered_ids_remain,
    sources_are_citable,
    one_sided_terms_are_attributed,
]


def check_names() -> list[str]:
    """The checks' names as `jkquiz validate --skip` takes them: 'numbers-within-range'."""
    return [check.__name__.replace("_", "-") for check in CHECKS]


def run_checks(bank: Bank, where: Locations, skip: Iterable[str] = ()) -> list[Problem]:
    """Every problem every check finds, leaving out the checks named in `skip` (see check_names)."""
    skipped = {name.replace("_", "-") for name in skip}
    return [problem for check in CHECKS if check.__name__.replace("_", "-") not in skipped for problem in check(bank, where)]


def _duplicates(where: Locations, q: QuestionBase, field: str, values: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        key = normalize(value)
        if key in seen:
            yield where.problem("question", q.id, field, index, message=f"'{value}' appears twice in {field}")
        seen.add(key)


def _texts(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string in a dumped model, with its path (dict keys are texts too: choice feedback)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if path and isinstance(key, str):
                yield path + (key,), key
            yield from _texts(item, path + (key,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))


def _name_key(text: str) -> str:
    # NFKC folds full-width and compatibility forms, so 'ﾀｹｼﾏ' matches 'タケシマ'
    return NAME_NOISE.sub("", unicodedata.normalize("NFKC", text))


def _leaked_answer(q: QuestionBase) -> str | None:
    if isinstance(q, TextQuestion):
        return next((a for a in [q.answer, *q.alternates] if len(normalize(a)) >= 3 and contains_phrase(q.prompt, a)), None)
    if isinstance(q, NumberQuestion):
        shown = format_number(q.answer)
        return shown if re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d]|[.,]\d)", q.prompt) else None
    if isinstance(q, SingleQuestion) and len(normalize(q.answer)) >= 4:
        others = [c for c in q.choices if c != q.answer]
        if contains_phrase(q.prompt, q.answer) and not any(contains_phrase(q.prompt, c) for c in others):
            return q.answer
    return None
