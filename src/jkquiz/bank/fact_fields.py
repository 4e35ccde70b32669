"""A fact's fields as an instructor fills them: one definition each, read by `jkquiz add fact` flags, `-i` prompts and the form.

Each `FactField` says where its value goes in the fact (`path`), how the form and the prompts
name it (`label`), how the command line names it (`flag`), and how typed text becomes a value
(`parse`, which raises UsageProblem with a plain sentence). `build_fact` turns the typed values
into the fact's YAML fields and checks what spans several fields (a contested fact needs both
sides; a key datum must appear in the statement), naming each field as the caller shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jkquiz.bank.model import KINDS, PARTIAL_DATE
from jkquiz.errors import UsageProblem
from jkquiz.text import contains_phrase


@dataclass(frozen=True)
class FactField:
    """One field of a fact as the instructor types it."""

    key: str  # name among the typed values ("coords", "japan_holds")
    label: str  # what the form shows and `-i` asks: "Coordinates"
    help: str  # flag help, form placeholder, and the hint after the `-i` question
    path: tuple[str | int, ...]  # where the value goes in the fact: ("terms", "ko")
    required: bool = False
    parse: Callable[[str], Any] | None = None  # typed text -> value, or UsageProblem
    choices: tuple[str, ...] = ()
    lines: int = 1  # form rows (more than 1: a text area)
    ask_if: Callable[[Mapping[str, Any]], bool] | None = None  # `-i` asks only when this holds for the values so far
    default: str | None = None  # `-i`: what Enter gives
    flagged: bool = True  # has a `jkquiz add fact` flag
    metavar: str = "TEXT"  # the flag's value in `--help`

    @property
    def flag(self) -> str:
        """The `jkquiz add fact` flag: '--japan-holds'."""
        return "--" + self.key.replace("_", "-")


def parse_date(text: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD."""
    if not PARTIAL_DATE.match(text.strip()):
        raise UsageProblem(f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return text.strip()


def parse_coords(text: str) -> list[float]:
    """'37.24, 131.87' -> [37.24, 131.87], latitude in -90..90 and longitude in -180..180."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        lat, lon = (float(p) for p in parts)
    except ValueError:
        raise UsageProblem(f"'{text}' is not a latitude and a longitude: type two numbers in decimal degrees "
                           "separated by a comma, e.g. 37.24, 131.87") from None
    if not -90 <= lat <= 90:
        raise UsageProblem(f"latitude {lat:g} is out of range: it must be between -90 (south) and 90 (north)")
    if not -180 <= lon <= 180:
        raise UsageProblem(f"longitude {lon:g} is out of range: it must be between -180 (west) and 180 (east)")
    return [lat, lon]


def parse_number(text: str) -> float:
    """A number such as 13 or 20.84 (commas between thousands allowed)."""
    try:
        value = float(text.replace(",", "").strip())
    except ValueError:
        raise UsageProblem(f"'{text}' is not a number") from None
    return int(value) if value.is_integer() else value


def _kind(*kinds: str) -> Callable[[Mapping[str, Any]], bool]:
    return lambda values: values.get("kind") in kinds


def _contested(values: Mapping[str, Any]) -> bool:
    return bool(values.get("contested") or values.get("japan_holds") or values.get("korea_holds"))


FACT_FIELDS: tuple[FactField, ...] = (
    FactField("statement", "Statement", "one or two sentences, true as written", ("statement",), required=True, lines=2),
    FactField("kind", "Kind", "what the fact is about", ("kind",), required=True, choices=KINDS),
    FactField("when", "Date", "YYYY, YYYY-MM or YYYY-MM-DD", ("when",), parse=parse_date, metavar="DATE"),
    FactField("answer", "Key datum", "the words from the statement a generated question asks for", ("answer",)),
    FactField("label", "Timeline label", "a short name for timelines", ("label",)),
    FactField("as_of", "True as of", "YYYY, YYYY-MM or YYYY-MM-DD: the fact holds only as of then", ("as_of",),
              parse=parse_date, metavar="DATE"),
    FactField("value", "Value", "the number, for a statistic", ("value",), parse=parse_number, ask_if=_kind("statistic"),
              metavar="NUMBER"),
    FactField("unit", "Unit", "the unit of the value, e.g. % or billion US$", ("unit",), ask_if=_kind("statistic")),
    FactField("coords", "Coordinates", "latitude, longitude in decimal degrees, e.g. 37.24, 131.87", ("coords",),
              parse=parse_coords, ask_if=_kind("place"), metavar="LAT,LON"),
    FactField("ko", "Korean (Hangul)", "the name in Hangul, e.g. 독도", ("terms", "ko")),
    FactField("ja", "Japanese", "the name in Kanji or Kana, e.g. 竹島", ("terms", "ja")),
    FactField("hanja", "Hanja", "the Korean name in Hanja, e.g. 獨島", ("terms", "hanja")),
    FactField("contested", "Do the two governments disagree on this?", "yes or no", ("contested",),
              parse=lambda text: _yes_no(text), default="no", flagged=False,
              ask_if=lambda values: not values.get("japan_holds") and not values.get("korea_holds")),
    FactField("japan_holds", "Japan holds", "what Japan's government holds; both sides mark the fact contested",
              ("perspectives", "japan"), lines=2, ask_if=_contested),
    FactField("korea_holds", "South Korea holds", "what South Korea's government holds; both sides mark the "
              "fact contested", ("perspectives", "korea"), lines=2, ask_if=_contested),
    FactField("source_title", "Source title", "title of the source", ("sources", 0, "title"), required=True),
    FactField("source_url", "Source address", "address of the source", ("sources", 0, "url")),
    FactField("quote", "Quote", "words copied exactly from the source", ("sources", 0, "quote"), required=True, lines=2),
)
FIELDS_BY_KEY = {f.key: f for f in FACT_FIELDS}
SIDES = ("japan_holds", "korea_holds")


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in ("yes", "y", "true"):
        return True
    if value in ("no", "n", "false"):
        return False
    raise UsageProblem(f"'{text}' is not yes or no")


class FactFieldProblems(UsageProblem):
    """Typed values that cannot make a fact: (field key, plain sentence) pairs, each shown with the caller's name for the field."""

    def __init__(self, problems: list[tuple[str, str]], name: Callable[[FactField], str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name(FIELDS_BY_KEY[key])}: {message}" for key, message in problems))


def check_value(field: FactField, text: str, values: Mapping[str, Any]) -> Any:
    """One typed value as the fact holds it (UsageProblem when it cannot be); `values`: the fields typed so far."""
    value = field.parse(text) if field.parse else text.strip()
    if field.choices and value not in field.choices:
        raise UsageProblem(f"'{text}' is not one of {', '.join(field.choices)}")
    if field.key == "answer" and values.get("statement") and not contains_phrase(str(values["statement"]), str(value)):
        raise UsageProblem(f"'{text}' does not appear in the statement")
    return value


def build_fact(typed: Mapping[str, Any], name: Callable[[FactField], str] = lambda f: f.label) -> dict[str, Any]:
    """The fact's YAML fields from typed values (text, or values already checked); FactFieldProblems lists every problem.

    `name` says how to call a field in a message: its label (form, `-i`) or its flag (command line).
    """
    values: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for field in FACT_FIELDS:
        raw = typed.get(field.key)
        if raw in (None, "", [], ()):
            if field.required:
                problems.append((field.key, f"this field is required ({field.help})"))
            continue
        try:
            values[field.key] = check_value(field, raw, values) if isinstance(raw, str) else raw
        except UsageProblem as exc:
            problems.append((field.key, str(exc)))
    given = [side for side in SIDES if values.get(side)]
    if values.get("contested") and not given:
        problems.append(("japan_holds", "a contested fact needs both sides: what each government holds"))
    if len(given) == 1:
        missing = FIELDS_BY_KEY[SIDES[1 - SIDES.index(given[0])]]
        problems.append((given[0], f"a contested fact needs both sides: add {name(missing)} too"))
    if problems:
        raise FactFieldProblems(problems, name)
    if given:
        values["contested"] = True
    fact: dict[str, Any] = {}
    for field in FACT_FIELDS:
        if field.key in values and not (field.key == "contested" and not values[field.key]):
            _put(fact, field.path, values[field.key])
    return fact


def _put(fact: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    """Set fact[path] = value, making the blocks and lists on the way."""
    node: Any = fact
    for step, following in zip(path, path[1:]):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            while len(node) <= step:
                node.append(empty)
            node = node[step]
        else:
            node = node.setdefault(step, empty)
    last = path[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def field_for_problem(problem_field: str) -> FactField | None:
    """The field a bank problem's field ('terms.ko', 'sources.0.quote', 'perspectives') is typed in."""
    parts = problem_field.split(".") if problem_field else []
    if not parts:
        return None
    paths = [(field, [str(p) for p in field.path]) for field in FACT_FIELDS]
    within = [field for field, path in paths if path[:len(parts)] == parts]  # 'perspectives' -> Japan holds
    if within:
        return within[0]
    around = [(len(path), field) for field, path in paths if parts[:len(path)] == path]  # 'sources.0.quote.x'
    return max(around, key=lambda pair: pair[0])[1] if around else None
