"""Append items to a bank file with ruamel.yaml's round trip, in the file's own style.

Comments, key order and quoting of everything already in the file are kept by ruamel;
new items follow the house style (short lists in flow style `[a, b]`, long texts folded
with `>-`, a blank line between items when the file has them), and any text that
PyYAML's YAML 1.1 rules would read as something else (`yes`, `1:30`, `1965`) is quoted.
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString

FOLD_AT = 76  # folded texts are broken at a space before this many characters per line
PLAIN_MAX = 100  # a text whose `    key: text` line fits this width stays on one line
FLOW_MAX = 72  # a list of short texts stays on one line `[a, b]` up to this length
_RESOLVER = yaml.resolver.Resolver()


def round_trip() -> YAML:
    """A ruamel YAML set up like the bank files: 2-space maps, `  - ` lists, nothing re-wrapped."""
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap existing long plain lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def append_items(text: str, section: str, items: list[dict[str, Any]]) -> str:
    """The file text with `items` appended to its `section` list (facts or questions)."""
    y = round_trip()
    data = y.load(text)
    seq = data.get(section)
    if not isinstance(seq, CommentedSeq) or not seq:
        seq = CommentedSeq()
        data[section] = seq
    blank_lines = re.search(r"\n[ \t]*\n[ \t]*- ", text) is not None
    trailing = _pop_trailing(seq[-1]) if len(seq) else None
    for item in items:
        seq.append(styled(item))
        if blank_lines and len(seq) > 1:
            seq.yaml_set_comment_before_after_key(len(seq) - 1, before="\n")
    if trailing is not None:
        _set_trailing(seq[-1], trailing)
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def styled(value: Any, key: str = "") -> Any:
    """A plain value as ruamel nodes in the bank's style."""
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            key = DoubleQuotedScalarString(k) if isinstance(k, str) and _ambiguous(k) else k
            node[key] = styled(v, k)
        return node
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(styled(v) for v in value)
        simple = all(isinstance(v, (str, int, float, bool)) for v in value)
        if value and isinstance(value[0], (list, tuple)):  # pairs: a block list of [left, right]
            for inner in seq:
                inner.fa.set_flow_style()
        elif simple and (len(", ".join(map(str, value))) + len(key) + 4 <= FLOW_MAX or key in ("facts", "tags")):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return styled_text(value, key)
    return value


def styled_text(text: str, key: str = "") -> Any:
    """Text as a plain, quoted, folded or literal scalar, whichever reads back as the same text."""
    if "\n" in text:
        return LiteralScalarString(text)
    if len(text) + len(key) + 6 > PLAIN_MAX and " " in text and text == text.strip() and "  " not in text:
        folded = FoldedScalarString(text)
        folded.fold_pos = _fold_positions(text)
        return folded
    if _ambiguous(text):
        return DoubleQuotedScalarString(text)  # PyYAML would read it as a number, date or boolean
    return text


def _ambiguous(text: str) -> bool:
    """True when PyYAML (YAML 1.1) would read this plain text as something else than text."""
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str"


def _fold_positions(text: str) -> list[int]:
    """Indexes of the spaces where a folded scalar breaks its lines."""
    positions, start = [], 0
    while len(text) - start > FOLD_AT:
        cut = text.rfind(" ", start + 1, start + FOLD_AT)
        if cut <= start or text[cut - 1] == " " or text[cut + 1 : cut + 2] in (" ", ""):
            break
        positions.append(cut)
        start = cut + 1
    return positions


def _last_slot(node: Any) -> tuple[Any, Any] | None:
    """The deepest (container, key) where ruamel keeps the comment that follows this node."""
    slot = None
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node) and not node.fa.flow_style():
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        slot = (node, key)
        node = node[key]
    return slot


def _pop_trailing(node: Any) -> Any:
    """Remove and return the comment (blank lines, notes) after the last item of a section."""
    slot = _last_slot(node)
    if slot is None:
        return None
    container, key = slot
    entry = container.ca.items.get(key)
    if not entry:
        return None
    index = 2 if isinstance(container, CommentedMap) else 0
    token = entry[index]
    entry[index] = None
    if not any(entry):
        del container.ca.items[key]
    return token


def _set_trailing(node: Any, token: Any) -> None:
    """Put a comment popped from the old last item after the new last item."""
    slot = _last_slot(node)
    if slot is None:
        return
    container, key = slot
    if isinstance(container, CommentedMap):
        container.ca.items[key] = [None, None, token, None]
    else:
        container.ca.items[key] = [token, None]


def render_item(item: dict[str, Any]) -> str:
    """One item as it will appear in the file (for previews and for drafts kept after a refusal)."""
    y = round_trip()
    out = io.StringIO()
    y.dump(CommentedSeq([styled(item)]), out)
    return out.getvalue()
