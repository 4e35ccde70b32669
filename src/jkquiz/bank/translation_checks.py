"""`jkquiz validate --lang ko|ja`: every bank text without a current translation, and the translations' own
mistakes (the naming policy in that language, an answer missing from its statement, two choices that read
the same, an entry that belongs to nothing), each located to file and line."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from jkquiz.bank.bank import Bank
from jkquiz.bank.translation import (
    Translation, TopicTranslation, english_of, gaps, load_translation, text_hash,
)
from jkquiz.bank.terms_policy import unattributed_terms
from jkquiz.errors import Problem

_CONTEXT_FIELDS = ("choices.", "choice_feedback.", "items.", "pairs.", "answer")  # read with the prompt


def translation_problems(bank: Bank, bank_dir: Path, lang: str, files: Mapping[str, str] | None = None) -> list[Problem]:
    """Every problem of the bank's translations into `lang` (none: the translation is whole and current).

    `files`: each topic's English file (the loader's Locations.files); see translation.topic_files."""
    translation = load_translation(bank, bank_dir, lang, files)
    problems = [Problem(g.file, g.line, 0, g.item if g.item != "topic" else "", g.path,
                        f"{g.path}: {_gap_message(g.reason, g.english, g.current_hash)}")
                for g in gaps(bank, translation, bank_dir, files)]
    problems += [Problem(file, line, 0, "", "", f"this translation file cannot be read, so its topic is shown in "
                                                 f"English: {message}") for file, line, message in translation.unreadable]
    for topic_id, found in translation.topics.items():
        problems += list(_file_problems(bank, topic_id, found, translation))
    return sorted(problems)


def _gap_message(reason: str, english: str, current: str) -> str:
    short = " ".join(english.split())
    short = short if len(short) <= 70 else short[:69] + "…"
    if reason == "missing":
        return f"no translation yet (English: “{short}”)"
    return (f"the English changed since this was translated; check the translation against the English now "
            f"(“{short}”) and set `from: {current}`")


def _file_problems(bank: Bank, topic_id: str, found: TopicTranslation, translation: Translation) -> Iterator[Problem]:
    english = english_of(bank, topic_id)
    lang = translation.lang
    for (section, item_id, path), entry in found.entries.items():
        texts = english.get(section, {}).get(item_id)
        where = (found.file, entry.line, 0, item_id, path)
        if texts is None:
            what = {"facts": "fact", "questions": "question"}.get(section, section)
            yield Problem(*where, f"{path}: no {what} '{item_id}' in the English bank: this entry is never shown")
            continue
        if path not in texts:
            yield Problem(*where, f"{path}: not a text of {item_id or 'the topic'} in the English bank "
                                  f"(its texts: {', '.join(texts)}): this entry is never shown")
            continue
        current = translation.text(topic_id, section, item_id, path, texts[path])
        if current is None or (section == "facts" and path not in ("statement", "label")):
            continue  # as in English: perspectives report each government in its own words, by design, and a
            # fact's answer, series or unit is a word of its statement, read there
        context = ""
        if section == "questions" and path.startswith(_CONTEXT_FIELDS):
            context = translation.text(topic_id, section, item_id, "prompt", texts["prompt"]) or ""
        for what in unattributed_terms(current, context, lang):
            yield Problem(*where, f"{path}: {what}: in the course's own voice use the neutral term, or say whose term it "
                                  "is in the same sentence (CONTRIBUTING.md's naming policy)")
    yield from _answers_in_statements(bank, topic_id, found, translation)
    yield from _distinct_choices(bank, topic_id, found, translation)


def _answers_in_statements(bank: Bank, topic_id: str, found: TopicTranslation, translation: Translation) -> Iterator[Problem]:
    for fact in bank.facts_for(topic_id):
        if not fact.answer:
            continue
        answer = translation.text(topic_id, "facts", fact.id, "answer", fact.answer)
        statement = translation.text(topic_id, "facts", fact.id, "statement", fact.statement)
        if answer and statement and answer not in statement:
            entry = found.entries.get(("facts", fact.id, "answer"))
            yield Problem(found.file, entry.line if entry else 0, 0, fact.id, "answer",
                          f"answer: the answer '{answer}' does not appear word for word in the translated statement "
                          "(its fill-in question is then shown in English)")


def _distinct_choices(bank: Bank, topic_id: str, found: TopicTranslation, translation: Translation) -> Iterator[Problem]:
    for item_id, texts in english_of(bank, topic_id)["questions"].items():
        for group in ("choices.", "items."):
            shown: dict[str, str] = {}
            for path, english in texts.items():
                if not path.startswith(group):
                    continue
                text = translation.text(topic_id, "questions", item_id, path, english)
                if text is None:
                    continue
                if text in shown:
                    entry = found.entries.get(("questions", item_id, path))
                    yield Problem(found.file, entry.line if entry else 0, 0, item_id, path,
                                  f"{path}: reads the same as {shown[text]} ('{text}'): a learner could not tell them apart")
                shown[text] = path


__all__ = ["text_hash", "translation_problems"]
