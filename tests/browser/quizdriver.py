"""Answer a rendered jkquiz question in the browser, right or wrong, with the mouse or the keyboard only.

The question on screen is looked up in the course bank by its prompt (and, when prompts repeat, by
the options shown), so the tests work whatever questions a quiz happened to draw. In Korean or Japanese
(`lang`), prompts, choices and buttons are read as the learner sees them in that language.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

from jkquiz.api import course_bank

MAX_TABS = 400  # a long lesson has many links (sources) before its quiz
SETTLE_MS = 250
# A person's pace: typed all at once, keystrokes race the kernel's echo of each one (see the report).
TYPE_DELAY_MS = 80


def _texts(lang: str) -> Any:
    """The bank's texts as a learner in `lang` reads them."""
    from jkquiz.bank.shared import course_localizer

    return course_localizer(lang)


def shown_question(quiz: Locator, lang: str = "en") -> Any:
    """The bank question a quiz widget shows now."""
    prompt = " ".join((quiz.locator(".jkq-prompt").text_content() or "").split())  # not inner_text: empty while a cell is windowed out
    bank, texts = course_bank(), _texts(lang)
    found = [q for q in bank.questions.values() if " ".join(texts.question(q).prompt.split()) == prompt]
    if len(found) > 1:  # generated questions share prompts: tell them apart by what is shown
        shown = set(quiz.locator(".jkq-item, .widget-radio-box label, .widget-checkbox").all_inner_texts())
        shown = {" ".join(s.split()) for s in shown}
        found = [q for q in found if {texts.question(q).label(o) for o in _options(q)} <= shown
                 or shown <= {texts.question(q).label(o) for o in _options(q)}] or found
    assert found, f"no question in the bank has the prompt {prompt!r}"
    assert len(found) == 1, f"{len(found)} questions share the prompt {prompt!r}: {[q.id for q in found]}"
    return found[0]


def _options(question: Any) -> set[str]:
    if question.type in ("single", "multiple"):
        return set(question.choices)
    if question.type == "order":
        return set(question.items)
    if question.type == "match":
        return {left for left, _ in question.pairs}
    return set()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def response_for(question: Any, right: bool) -> Any:
    """What to answer: the right response, or one that is wholly wrong (not partly right, not invalid)."""
    kind = question.type
    if kind == "single":
        return question.answer if right else next(c for c in question.choices if c != question.answer)
    if kind == "multiple":
        return list(question.answers) if right else [next(c for c in question.choices if c not in question.answers)]
    if kind == "true_false":
        return "True" if question.answer == right else "False"
    if kind == "number":
        off = 0 if right else question.tolerance + 1
        wrong = question.answer + off if question.max is None or question.answer + off <= question.max \
            else question.answer - off
        return _number(wrong)
    if kind == "text":
        return question.answer if right else "zzzz"
    if kind == "order":
        items = list(question.items)
        return items if right else items[1:] + items[:1]  # every item one place off: none in place
    if kind == "match":
        rights = [r for _, r in question.pairs]
        chosen = rights if right else rights[1:] + rights[:1]
        return {left: r for (left, _), r in zip(question.pairs, chosen)}
    raise AssertionError(f"unknown question type {kind}")


class Learner:
    """Acts on a page like a learner: with the mouse, or (keys=True) only with Tab, arrows, Space and Enter."""

    def __init__(self, page: Page, *, keys: bool = False, lang: str = "en") -> None:
        self.page, self.keys, self.lang = page, keys, lang
        self.texts = _texts(lang)
        self.shown: Any = None  # the texts of the question being answered

    def say(self, message: str) -> str:
        """An interface message (a button's name) as this learner's language shows it."""
        from jkquiz.i18n.catalogs import translations

        return translations(self.lang).gettext(message)

    def label(self, text: str) -> str:
        """A choice, item or pair side of the question being answered, as shown."""
        return self.shown.label(text) if self.shown is not None else text

    # --- the keyboard --------------------------------------------------------------------------
    def _focused(self, target: Locator) -> bool:
        return bool(target.evaluate("el => el === document.activeElement || el.contains(document.activeElement)"))

    def tab_to(self, target: Locator) -> None:
        """Press Tab (or Shift+Tab, when `target` comes before the focus) until `target` has the focus."""
        backward = target.evaluate(
            "el => { const f = document.activeElement;"
            " return !!f && f !== document.body && !!(f.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING); }"
        )
        key = "Shift+Tab" if backward else "Tab"
        for _ in range(MAX_TABS):
            if self._focused(target):
                return
            self.page.keyboard.press(key)
        raise AssertionError(f"{key} never reached {target}")

    def press(self, target: Locator, key: str = "Enter") -> None:
        """Activate a control: Tab to it and press a key, or click it."""
        if self.keys:
            self.tab_to(target)
            self.page.keyboard.press(key)
        else:
            target.click()

    def type_into(self, box: Locator, text: str, submit: bool) -> None:
        """Type into a text box (Enter to submit)."""
        expect(box).to_be_enabled()  # the new question's box, not the last one's (locked after checking)
        if self.keys:
            self.tab_to(box)
            self.page.keyboard.type(text, delay=TYPE_DELAY_MS)
            expect(box).to_have_value(text)  # every keystroke arrived
            if submit:
                self.page.keyboard.press("Enter")
            return
        box.fill(text)
        if submit:
            box.press("Enter")

    # --- a question ---------------------------------------------------------------------------
    def answer(self, quiz: Locator, right: bool) -> Any:
        """Give the right or a wrong answer to the question shown and check it; the question."""
        question = shown_question(quiz, self.lang)
        self.shown = self.texts.question(question)
        response = response_for(question, right)
        getattr(self, f"_answer_{question.type}")(quiz, response)
        if question.type not in ("number", "text"):  # typed answers are checked with Enter
            self.press(quiz.get_by_role("button", name=self.say("Check"), exact=True))
        expect(quiz.locator(".jkq-feedback")).to_be_visible()
        return question

    def _answer_single(self, quiz: Locator, choice: str) -> None:
        radio = quiz.get_by_role("radio", name=self.label(choice), exact=True)
        if not self.keys:
            radio.check()
        else:  # the choices are one group, one Tab stop: Tab into it, then the arrow keys
            group = quiz.get_by_role("radiogroup")
            self.tab_to(group)
            for _ in range(60):
                radios = group.get_by_role("radio")
                at = radios.evaluate_all("rs => rs.indexOf(document.activeElement)")
                goal = radios.evaluate_all("(rs, el) => rs.indexOf(el)", radio.element_handle())
                if at == goal:
                    self.page.keyboard.press("Space")  # checks it (the first choice is focused, not checked)
                    self.page.wait_for_timeout(SETTLE_MS)
                    if radio.is_checked():
                        break
                    continue
                self.page.keyboard.press("ArrowDown" if at < goal else "ArrowUp")
                self.page.wait_for_timeout(SETTLE_MS)  # each step is a round trip to the kernel
        expect(radio).to_be_checked()

    def _answer_multiple(self, quiz: Locator, choices: list[str]) -> None:
        for choice in choices:
            box = quiz.get_by_role("checkbox", name=self.label(choice), exact=True)
            self.press(box, "Space")
            expect(box).to_be_checked()

    def _answer_true_false(self, quiz: Locator, label: str) -> None:
        self.press(quiz.get_by_role("button", name=self.say(label), exact=True), "Space")

    def _answer_number(self, quiz: Locator, text: str) -> None:
        self.type_into(quiz.get_by_role("textbox"), text, submit=True)

    _answer_text = _answer_number

    def _answer_order(self, quiz: Locator, order: list[str]) -> None:
        rows = quiz.locator(".jkq-row")
        for place, item in enumerate(order):
            at = self._row_of(rows, " ".join(self.label(item).split()), len(order))
            for row in range(at, place, -1):  # move it up one row at a time
                self.press(rows.nth(row).get_by_role("button", name=self.say("Up"), exact=True))
                expect(rows.nth(row - 1).locator(".jkq-item")).to_have_text(self.label(item))

    @staticmethod
    def _row_of(rows: Locator, label: str, count: int) -> int:
        """The row showing `label`, once all `count` rows are drawn (a move's echo redraws them: a busy page may be
        caught half-way, with some rows not there yet)."""
        for _ in range(300):
            labels = [" ".join(t.split()) for t in rows.locator(".jkq-item").all_inner_texts()]
            if len(labels) == count and label in labels:
                return labels.index(label)
            rows.page.wait_for_timeout(100)
        raise AssertionError(f"{label!r} is not among the rows {labels}")

    def _answer_match(self, quiz: Locator, pairs: dict[str, str]) -> None:
        shown = {" ".join(self.label(left).split()): right for left, right in pairs.items()}
        for row in quiz.locator(".jkq-row").all():
            left = " ".join(row.locator(".jkq-item").inner_text().split())
            select = row.locator("select")
            if not self.keys:
                select.select_option(label=self.label(shown[left]))
                continue
            self.tab_to(select)
            self._arrow_to(select, self.label(shown[left]))

    def _arrow_to(self, select: Locator, label: str) -> None:
        """Step a closed select to `label` with the arrow keys, one step per kernel round trip.

        Each step goes to the kernel and comes back as an echo; a step taken before the echo of the
        previous one arrives can be undone by it, so every step waits, and the goal must hold.
        """
        # ipywidgets writes option labels with no-break spaces (to keep runs of spaces): compare as text
        options = [" ".join(text.split()) for text in select.evaluate("s => Array.from(s.options).map(o => o.text)")]
        goal = options.index(" ".join(label.split()))
        for _ in range(60):
            if not self._focused(select):
                self.tab_to(select)
            current = select.evaluate("s => s.selectedIndex")
            if current == goal:
                self.page.wait_for_timeout(SETTLE_MS)
                if select.evaluate("s => s.selectedIndex") == goal:
                    return
                continue
            self.page.keyboard.press("ArrowDown" if current < goal else "ArrowUp")
            self.page.wait_for_timeout(SETTLE_MS)
        raise AssertionError(f"the arrow keys never settled on {label!r}")
