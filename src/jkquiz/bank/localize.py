"""What a learner reads of the bank in their language: prompts, choices, explanations, both sides.

Grading never looks at these texts: a question's choices, items and pairs keep their English text as
their identity (what is graded, recorded and reported), and `QuestionText.labels` maps each to what is
shown. A question with any text lacking a current translation is shown whole in English, with
`translated` False so the view can say so. Generated questions are made again from their facts'
translations, as jkquiz.bank.generate made them in English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from jkquiz.bank.bank import Bank
from jkquiz.bank.generate import AS_OF, BLANK, EMPTY_BRACKETS, FILL_BLANK, FILL_YEAR, IN_ORDER, PREFIX, WHICH_YEAR
from jkquiz.bank.model import Fact, QuestionBase
from jkquiz.bank.translation import Translation, fact_texts, question_texts
from jkquiz.i18n import N_
from jkquiz.i18n.catalogs import translations

_EMPTY: Mapping[str, str] = MappingProxyType({})

# Punctuation between a timeline's items in its explanation, and after the last (the words are in the catalogs).
_PUNCTUATION: dict[str, tuple[str, str]] = {"ko": ("; ", "."), "ja": ("。", "。")}
UNTRANSLATED = N_("This question has not been translated into your language yet, so it is shown in English.")




@dataclass(frozen=True)
class QuestionText:
    """A question's texts as shown: prompt, explanation, and the shown text of each choice/item/side."""

    prompt: str
    explanation: str
    labels: Mapping[str, str] = field(default_factory=dict)  # English choice, item or pair side -> its text as shown
    choice_feedback: Mapping[str, str] = field(default_factory=dict)  # English choice -> the note shown when it is picked
    unit: str | None = None
    answer: str | None = None  # text questions: the spelling shown as right
    accepted: tuple[str, ...] = ()  # text questions: spellings accepted in this language, beside the English ones
    translated: bool = True  # False: shown in English because some text has no current translation

    def label(self, text: str) -> str:
        """What the learner sees for a choice, item or pair side (its English text when not translated)."""
        return self.labels.get(text, text)


def english(question: QuestionBase) -> QuestionText:
    """A question's texts as written (English)."""
    feedback: Mapping[str, str] = getattr(question, "choice_feedback", None) or {}
    unit = getattr(question, "unit", None)
    answer = getattr(question, "answer", None) if question.type == "text" else None
    return QuestionText(question.prompt, question.explanation, _EMPTY, MappingProxyType(dict(feedback)),
                        unit, answer)


@dataclass
class Localizer:
    """The bank's texts in one language; English (`lang` "en" or no translation) shows the bank as written."""

    bank: Bank
    lang: str = "en"
    translation: Translation | None = None
    _answers: dict[str, str] | None = field(default=None, repr=False)  # English fact answer -> translated

    @property
    def english(self) -> bool:
        return self.lang == "en" or self.translation is None

    @property
    def untranslated_note(self) -> str:
        """The note shown above a question that has no translation into this language yet."""
        return "" if self.lang == "en" else self._say(UNTRANSLATED)

    def _say(self, message: str) -> str:
        """An interface message in this localizer's language (not necessarily the process's)."""
        return translations(self.lang).gettext(message)

    # ---------------------------------------------------------------- facts and topics
    def _fact_text(self, fact: Fact, path: str) -> str | None:
        english_text = fact_texts(fact).get(path)
        if english_text is None or self.translation is None:
            return english_text
        return self.translation.text(fact.topic, "facts", fact.id, path, english_text)

    def fact_text(self, fact: Fact, path: str) -> str | None:
        """A fact's text at `path` (series, unit, label, ...) in this language; None when it has none current."""
        return None if self.english else self._fact_text(fact, path)

    def statement(self, fact: Fact) -> str:
        """A fact's statement in this language (English when it has no current translation)."""
        return fact.statement if self.english else (self._fact_text(fact, "statement") or fact.statement)

    def label(self, fact: Fact) -> str | None:
        """A fact's short label in this language."""
        if self.english or not fact.label:
            return fact.label
        return self._fact_text(fact, "label") or fact.label

    def perspectives(self, fact: Fact) -> tuple[str, str]:
        """What Japan's and South Korea's governments hold, in this language (each English when untranslated)."""
        sides = fact.perspectives
        japan, korea = (sides.japan or "", sides.korea or "") if sides else ("", "")
        if self.english:
            return japan, korea
        return (self._fact_text(fact, "perspectives.japan") or japan if japan else "",
                self._fact_text(fact, "perspectives.korea") or korea if korea else "")

    def topic_title(self, topic_id: str) -> str:
        """A topic's title in this language."""
        topic = self.bank.topics.get(topic_id)
        if topic is None:
            return topic_id
        if self.english or self.translation is None:
            return topic.title
        return self.translation.text(topic_id, "topic", "", "title", topic.title) or topic.title

    # ---------------------------------------------------------------- questions
    def question(self, question: QuestionBase) -> QuestionText:
        """A question's texts in this language; the English, marked untranslated, when any text is missing."""
        if self.english:
            return english(question)
        made = self._generated(question) if question.generated else self._authored(question)
        return made if made is not None else _untranslated(question)

    def _authored(self, question: QuestionBase) -> QuestionText | None:
        assert self.translation is not None
        shown: dict[str, str] = {}
        for path, text in question_texts(question).items():
            found = self.translation.text(question.topic, "questions", question.id, path, text)
            if found is None:
                return None
            shown[path] = found
        labels: dict[str, str] = {}
        choices: list[str] = list(getattr(question, "choices", []) or [])
        for i, choice in enumerate(choices):
            labels[choice] = shown[f"choices.{i}"]
        for i, item in enumerate(getattr(question, "items", []) or []):
            labels[item] = shown[f"items.{i}"]
        for i, (left, right) in enumerate(getattr(question, "pairs", []) or []):
            labels[left], labels[right] = shown[f"pairs.{i}.0"], shown[f"pairs.{i}.1"]
        feedback = {c: shown[f"choice_feedback.{i}"] for i, c in enumerate(choices) if f"choice_feedback.{i}" in shown}
        answer = shown.get("answer")
        accepted = tuple(self.translation.accepted(question.topic, question.id)) + ((answer,) if answer else ())
        return QuestionText(shown["prompt"], shown["explanation"], MappingProxyType(labels),
                            MappingProxyType(feedback), shown.get("unit"), answer, accepted)

    def _generated(self, question: QuestionBase) -> QuestionText | None:
        facts = self.bank.facts_of(question)
        if not facts:
            return None
        kind = question.id[len(PREFIX):].split("-", 1)[0]
        if kind == "year":
            return self._year(question, facts[0])
        if kind == "choice":
            return self._choice(question, facts[0])
        if kind == "timeline":
            return self._timeline(question, facts)
        return None

    def _translated(self, fact: Fact, path: str) -> str | None:
        english_text = fact_texts(fact).get(path)
        return None if english_text is None or self.translation is None else \
            self.translation.text(fact.topic, "facts", fact.id, path, english_text)

    def _year(self, question: QuestionBase, fact: Fact) -> QuestionText | None:
        statement = self._translated(fact, "statement")
        if statement is None or fact.year is None:
            return None
        pattern = re.compile(rf"(?<!\d){fact.year}(?!\d)")
        if pattern.search(statement):
            prompt = self._say(FILL_YEAR).format(text=pattern.sub(BLANK, statement))
        else:
            prompt = self._say(WHICH_YEAR).format(text=statement)
        return QuestionText(self._dated(prompt, fact), statement)

    def _choice(self, question: QuestionBase, fact: Fact) -> QuestionText | None:
        statement, answer = self._translated(fact, "statement"), self._translated(fact, "answer")
        if statement is None or answer is None or answer not in statement:
            return None
        answers = self._translated_answers()
        labels = {}
        for choice in getattr(question, "choices", []):
            shown = answer if choice == fact.answer else answers.get(choice)
            if shown is None:
                return None
            labels[choice] = shown
        if len(set(labels.values())) != len(labels):
            return None  # two choices would read the same
        text = _without_names(statement, fact, keep=answer)
        if answer not in text:
            return None
        text = text.replace(answer, BLANK)
        return QuestionText(self._dated(self._say(FILL_BLANK).format(text=text), fact), statement,
                            MappingProxyType(labels))

    def _timeline(self, question: QuestionBase, facts: list[Fact]) -> QuestionText | None:
        labels: dict[str, str] = {}
        for fact in facts:
            shown = self._translated(fact, "label")
            if shown is None or fact.label is None:
                return None
            labels[fact.label] = shown
        between, end = _PUNCTUATION.get(self.lang, ("; ", "."))
        explanation = between.join(f"{labels[f.label or '']}: {f.when}" for f in facts) + end
        return QuestionText(self._say(IN_ORDER), explanation, MappingProxyType(labels))

    def _dated(self, prompt: str, fact: Fact) -> str:
        """'As of YYYY: ...' when the fact is time-bound and the prompt does not say so."""
        if fact.as_of and fact.as_of[:4] not in prompt:
            return self._say(AS_OF).format(year=fact.as_of[:4], text=prompt)
        return prompt

    def _translated_answers(self) -> dict[str, str]:
        """English fact answer -> its translation (the first fact's that has one)."""
        if self._answers is None:
            self._answers = {}
            for fact in self.bank.facts.values():
                if fact.answer and fact.answer not in self._answers:
                    shown = self._translated(fact, "answer")
                    if shown is not None:
                        self._answers[fact.answer] = shown
        return self._answers


def _untranslated(question: QuestionBase) -> QuestionText:
    shown = english(question)
    return QuestionText(shown.prompt, shown.explanation, shown.labels, shown.choice_feedback, shown.unit,
                        shown.answer, shown.accepted, translated=False)


def _without_names(statement: str, fact: Fact, keep: str) -> str:
    """The statement without the answer's names in other scripts (they would give it away), `keep` kept."""
    text = statement
    for name in (fact.terms.model_dump(exclude_none=True).values() if fact.terms else ()):
        if name not in keep:
            text = text.replace(name, "")
    return EMPTY_BRACKETS.sub("", text)


def shown_value(value: object, text: QuestionText) -> object:
    """A response or answer with every English choice, item and pair side replaced by what is shown."""
    if isinstance(value, str):
        return text.label(value)
    if isinstance(value, dict):
        return {shown_value(k, text): shown_value(v, text) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(shown_value(v, text) for v in value)
    return value


def shown_question(question: QuestionBase, text: QuestionText) -> QuestionBase:
    """A copy of `question` holding the texts as shown (for answer texts and views; never graded or recorded)."""
    if not text.labels and text.prompt == question.prompt and text.unit == getattr(question, "unit", None) \
            and text.answer == (getattr(question, "answer", None) if question.type == "text" else None):
        return question
    update: dict[str, object] = {"prompt": text.prompt, "explanation": text.explanation}
    for name in ("choices", "answers", "items", "pairs"):
        if hasattr(question, name):
            update[name] = shown_value(getattr(question, name), text)
    if question.type in ("single",):
        update["answer"] = text.label(getattr(question, "answer"))
    if question.type == "text" and text.answer:
        update["answer"] = text.answer
    if hasattr(question, "unit"):
        update["unit"] = text.unit
    return question.model_copy(update=update)
