"""Figures drawn when the static site is built, for a Python without matplotlib (the browser).

The site build finds every figure call in the lessons (`jkquiz.timeline("territory")`, ...), draws it
with matplotlib and ships the PNGs with their titles and alt text, keyed by the compiled bank's key
(so a figure is never shown for another version of the bank than the one it was drawn from). Where
matplotlib is missing, a figure function answers from that file; where it is installed, it draws.
"""

from __future__ import annotations

import ast
import base64
import functools
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from jkquiz.errors import QuizError
from jkquiz.figures.render import FigureImage

FIGURE_FUNCTIONS = ("timeline", "chart", "liancourt_map")
F = TypeVar("F", bound=Callable[..., FigureImage])


def figures_name(bank_key: str) -> str:
    """The file name of the figures drawn from the bank with `bank_key`."""
    return f"figures-{bank_key}.json"


def signature(name: str, args: Iterable[Any], kwargs: dict[str, Any], lang: str = "en") -> str:
    """The text that identifies one figure call, drawn in `lang` (figures speak the learner's language)."""
    call = [name, list(args), sorted(kwargs.items())]
    return json.dumps(call if lang == "en" else [lang, *call], ensure_ascii=False)


def calls_in(source: str) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """The `jkquiz.<figure>(literal, ...)` calls in a code cell's source."""
    found: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return found
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "jkquiz"
                and node.func.attr in FIGURE_FUNCTIONS):
            try:
                args = tuple(ast.literal_eval(a) for a in node.args)
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
            except ValueError:
                continue
            found.append((node.func.attr, args, kwargs))
    return found


def prerender(notebooks: Iterable[Path]) -> bytes:
    """Draw every figure the notebooks call (matplotlib needed), each in its notebook's language (a translated
    lesson's metadata names it), and return them as the figures file."""
    from jkquiz import figures, i18n

    drawn: dict[str, dict[str, str]] = {}
    for notebook in notebooks:
        data = json.loads(notebook.read_text(encoding="utf-8"))
        with i18n.speaking(data.get("metadata", {}).get("jkquiz", {}).get("lang", "en")) as lang:
            for cell in data.get("cells", []):
                if cell.get("cell_type") != "code":
                    continue
                for name, args, kwargs in calls_in("".join(cell.get("source", ""))):
                    image = getattr(figures, name)(*args, **kwargs)
                    drawn[signature(name, args, kwargs, lang)] = {
                        "png": base64.b64encode(image.png).decode("ascii"), "title": image.title, "alt": image.alt}
    return json.dumps(drawn, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _matplotlib_missing() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return True
    return False


@functools.lru_cache(maxsize=1)
def _drawn(file: Path) -> dict[str, dict[str, str]]:
    """The figures file, read once per kernel (about 10 MB in three languages; its name carries the bank's key, so
    what it holds never changes while its name is the same)."""
    drawn: dict[str, dict[str, str]] = json.loads(file.read_bytes())  # as prerender() writes it
    return drawn


def lookup(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> FigureImage | None:
    """The pre-drawn figure for this call and the course bank as it is now, or None."""
    from jkquiz.bank.compiled import bank_key, packaged_dir, yaml_files
    from jkquiz.i18n import get_language

    file = packaged_dir() / figures_name(bank_key(yaml_files()))
    try:
        found = _drawn(file).get(signature(name, args, kwargs, get_language()))
    except (OSError, ValueError):
        return None
    if not found:
        return None
    return FigureImage(base64.b64decode(found["png"]), found["title"], found["alt"])


def drawn_or_prerendered(function: F) -> F:
    """`function` drawing with matplotlib where it is installed, else answering from the pre-drawn figures."""

    @functools.wraps(function)
    def figure(*args: Any, **kwargs: Any) -> FigureImage:
        if kwargs.get("bank") is None and _matplotlib_missing():
            image = lookup(function.__name__, args, kwargs)
            if image is None:
                raise QuizError(f"this figure ({function.__name__}) can only be drawn where matplotlib is "
                                "installed; it was not drawn when this course was built")
            return image
        return function(*args, **kwargs)

    return figure  # type: ignore[return-value]  # wraps() keeps the signature; mypy cannot see it is still F
