"""The fact half of the instructor's form: the same fields as `jkquiz add fact` (bank/fact_fields.py), checked as typed."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from jkquiz.bank.edit import EditError, UnknownTopicError, add_fact, check_items, draft_fact_problems, suggest_id, tidy
from jkquiz.bank.fact_fields import FACT_FIELDS, FIELDS_BY_KEY, FactField, FactFieldProblems, build_fact, field_for_problem
from jkquiz.bank.yamlstyle import render_item
from jkquiz.widgets.form_parts import LABEL, problems_html, wide

FORM_FIELDS = tuple(f for f in FACT_FIELDS if f.flagged)  # the form shows what the flags set (both sides mark it contested)


def _control(field: FactField) -> w.Widget:
    placeholder = field.help if field.required else f"optional: {field.help}"
    if field.choices:
        return w.Dropdown(description=field.label, options=[("", "")] + [(c, c) for c in field.choices], value="",
                          style=LABEL)
    if field.lines > 1:
        return w.Textarea(description=field.label, placeholder=placeholder, rows=field.lines, style=LABEL,
                          layout=wide(), continuous_update=False)
    return w.Text(description=field.label, placeholder=placeholder, style=LABEL, layout=wide(), continuous_update=False)


class FactForm(w.VBox):
    """Write a fact (with native names, coordinates, both governments' positions), see it as it will be written, save it."""

    def __init__(self, owner: Any) -> None:
        """`owner`: the AuthoringForm around it (its bank, bank path, topic)."""
        super().__init__(layout=wide())
        self.owner = owner
        self.controls: dict[str, w.Widget] = {f.key: _control(f) for f in FORM_FIELDS}
        self.tags = w.Text(description="Tags", placeholder="optional, separated by commas", style=LABEL, layout=wide(),
                           continuous_update=False)
        self.fid = w.Text(description="Id", placeholder="made from the statement when left empty", style=LABEL,
                          layout=wide(), continuous_update=False)
        self.messages = w.HTML()
        self.preview = w.HTML()
        self.save_button = w.Button(description="Save fact to bank", button_style="primary", icon="save",
                                    tooltip="Check the fact and add it to the topic's file")
        self.save_button.on_click(lambda _b: self.save())
        for control in (*self.controls.values(), self.tags, self.fid):
            control.observe(lambda _c: self.refresh(), names="value")
        self.children = [*self.controls.values(), self.tags, self.fid, self.messages,
                         w.HTML("<h4>Preview: the fact as it will be written</h4>"), self.preview, self.save_button]
        self.refresh()

    def label_of(self, field: str) -> str | None:
        """The label shown for a bank field of the fact ('terms.ko' -> 'Korean (Hangul)'), or None."""
        if field.split(".")[0] in ("id", "tags"):
            return str((self.fid if field.startswith("id") else self.tags).description)
        found = field_for_problem(field)
        return found.label if found is not None and found in FORM_FIELDS else None

    def draft(self) -> dict[str, Any]:
        """The fact as the form describes it; FactFieldProblems names each field by its label."""
        fact = build_fact({key: str(c.value) for key, c in self.controls.items()})
        topic = self.owner.topic.value
        data: dict[str, Any] = {"id": self.fid.value.strip(), **fact,
                                "tags": [t.strip() for t in self.tags.value.split(",") if t.strip()]}
        if not data["id"] and topic:
            data["id"] = suggest_id(self.owner.bank, topic, fact.get("statement", ""), "f")
        return tidy(data)

    def refresh(self) -> None:
        """Check the draft; show its problems, or the fact as it will be written."""
        if not str(self.controls["statement"].value).strip():
            self.messages.value = "<p>Start with the statement; each field is checked as you type.</p>"
            self.preview.value = ""
            return
        try:
            draft = self.draft()
            check_items(self.owner.bank, self.owner.locations, "facts", [draft])
            problems: list[Any] = draft_fact_problems(self.owner.bank, self.owner.locations, draft, self.owner.topic.value)
        except FactFieldProblems as exc:
            problems = [f"{FIELDS_BY_KEY[key].label}: {message}" for key, message in exc.problems]
        except EditError as exc:
            problems = exc.problems
        if problems:
            self.messages.value = problems_html(problems, self.label_of, "To fix before saving")
            self.preview.value = "<p><em>The preview appears when the fact is complete.</em></p>"
            return
        self.messages.value = ""
        self.preview.value = f"<pre>{escape(render_item(draft))}</pre>"

    def save(self) -> bool:
        """Add the fact to its topic's file with every check `jkquiz add fact` makes; say what happened."""
        try:
            result = add_fact(self.owner.topic.value, self.draft(), bank=self.owner.bank_path)
        except FactFieldProblems as exc:
            problems: list[Any] = [f"{FIELDS_BY_KEY[key].label}: {message}" for key, message in exc.problems]
            self.messages.value = problems_html(problems, self.label_of, "Not saved")
            return False
        except (EditError, UnknownTopicError) as exc:
            self.messages.value = problems_html(getattr(exc, "problems", None) or [str(exc)], self.label_of, "Not saved")
            return False
        self.owner.reload_bank()
        self.owner.topic_changed()  # the new fact can be picked for a question at once
        self.fid.value = ""
        self.messages.value = (f'<p class="jkq-saved" style="color:#1a5e2a"><strong>Saved</strong> '
                               f"'{escape(result.ids[0])}' to {escape(result.file)}.</p>")
        return True
