"""Read one YAML file into plain Python values, keeping the node tree for line numbers.

Uses PyYAML's C parser where present. Aliases are refused (never expanded), so an
alias bomb costs nothing; plain scalars follow YAML 1.2 (`yes`/`no`/`on` stay text,
dates stay text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jkquiz.bank.text_safety import char_name

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the pure-Python twin of CSafeLoader

MAX_BYTES = 5 * 1024 * 1024
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TEXT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}
_constructor = yaml.constructor.SafeConstructor()
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
# Characters the YAML reader refuses outright; found first, so the message can name the line.
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class YamlFileError(Exception):
    """A file that cannot be read as YAML; carries a 1-based line and column (0 if unknown)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass
class YamlDocument:
    """A file's values, the node tree they came from, and the text they were read from."""

    data: Any
    root: yaml.Node
    text: str = ""


def read_yaml(path: Path) -> YamlDocument:
    """Read `path` as one YAML document, or raise YamlFileError with a plain message."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlFileError(f"cannot read the file: {exc.strerror}") from exc
    if size > MAX_BYTES:
        raise YamlFileError(
            f"the file is {_megabytes(size)} MB ({size:,} bytes); a bank file may be at most "
            f"{MAX_BYTES // 1024 // 1024} MB (split the topic into several files)", 1, 1
        )
    raw = path.read_bytes()
    text = _decode(raw)
    raw_control = RAW_CONTROL.search(text)
    if raw_control:
        index = raw_control.start()
        char = text[index]
        raise YamlFileError(
            f"the file contains the control character U+{ord(char):04X} ({char_name(char)}), "
            "which no text should hold; remove it", text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1)
    if not text.strip():
        raise YamlFileError("the file is empty; a bank file needs at least a `topic:` section", 1, 1)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlFileError(_yaml_message(exc, text), *(_mark(mark) if mark else (0, 0))) from exc
    except yaml.YAMLError as exc:
        raise YamlFileError(f"not valid YAML: {exc}") from exc
    if root is None:
        raise YamlFileError("the file holds only comments; a bank file needs at least a `topic:` section", 1, 1)
    return YamlDocument(data=_to_python(root, set()), root=root, text=text)


def _decode(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM), naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlFileError(
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8", line, column
        ) from exc


def _megabytes(size: int) -> str:
    """'5.5', '100': one decimal, none when it is zero."""
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0")


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    """Turn a parser error into one sentence a non-programmer can act on."""
    problem = (exc.problem or "").strip()
    mark = exc.problem_mark
    if "'\\t'" in problem:
        return "a tab character is used for indentation; YAML needs spaces"
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return "a tab character is used for indentation; YAML needs spaces"
    if "found undefined alias" in problem or "undefined alias" in str(exc):
        return "YAML aliases (*name) are not allowed in bank files"
    context = (exc.context or "").strip()
    began = exc.context_mark
    if context and began is not None and mark is not None and began.line != mark.line:
        # say where the unclosed construct began, not only where the parser gave up
        context = f"{context} that begins at line {began.line + 1}, column {began.column + 1}"
    return "not valid YAML: " + (f"{problem} ({context})" if context else problem)


def _to_python(node: yaml.Node, seen: set[int]) -> Any:
    """Convert a composed node to plain values, refusing any node reached twice (an alias)."""
    if id(node) in seen:
        raise YamlFileError("YAML aliases (*name) are not allowed in bank files (this is the anchored value)", *_mark(node.start_mark))
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if node.tag not in _COLLECTION_TAGS:
        raise YamlFileError(f"the YAML tag {node.tag} is not allowed in bank files", *_mark(node.start_mark))
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, seen) for item in node.value]
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlFileError("YAML merge keys (<<) are not allowed in bank files", *_mark(key_node.start_mark))
        key = _to_python(key_node, seen)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise YamlFileError("a key must be a plain word", *_mark(key_node.start_mark))
        if key in result:
            raise YamlFileError(f"the key '{key}' appears twice in the same block", *_mark(key_node.start_mark))
        result[key] = _to_python(value_node, seen)
    return result


def _scalar(node: yaml.ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag in _TEXT_TAGS:
        return value
    if tag == _BOOL:
        return value.lower() == "true" if value.lower() in ("true", "false") else value
    if tag == _INT:
        return _constructor.construct_yaml_int(node)
    if tag == _FLOAT:
        return _constructor.construct_yaml_float(node)
    if tag == _NULL:
        return None
    raise YamlFileError(f"the YAML tag {tag} is not allowed in bank files", *_mark(node.start_mark))


def locate(root: yaml.Node, path: tuple[Any, ...], *, key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the node at `path`, or of its deepest existing parent.

    With `key=True` and a path ending in a mapping key, the key's own position is given.
    """
    node = root
    last = len(path) - 1
    for index, step in enumerate(path):
        found = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(step):
                    found = key_node if key and index == last else value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            found = node.value[step]
        if found is None:
            continue  # a step that names no node (a union tag, a missing key): keep the parent
        node = found
    return _mark(node.start_mark)
