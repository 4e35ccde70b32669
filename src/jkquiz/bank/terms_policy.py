"""The naming policy (CONTRIBUTING.md): a one-sided term in the course's own voice must be attributed.

Lesson text, fact statements and questions speak in the course's voice, which uses neutral terms
(Liancourt Rocks, the sea between Japan and Korea, wartime labour mobilization). A term that one
government uses ("Dokdo", "Takeshima", "East Sea", "Sea of Japan", "forced labour", ...) may appear
only in a sentence that reports that side, or beside its counterpart ("Dokdo / Takeshima").
Quotes and a fact's `perspectives` report each government by design and are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KOREA = (
    r"Seoul|South Korea|Korea's|Koreas'|Korean (?:government|courts?|side|name|names|foreign ministry|ministry|"
    r"president|officials?|plaintiffs|victims|media|maps?|people|lawmakers|groups?|civic|activists|survivors|"
    r"textbooks?|term|usage|police|coast guard|navy|military|scholars|historians|press)|Republic of Korea|ROK|"
    r"Supreme Court|[Cc]ourts?|ruling|rulings|verdicts?|plaintiffs|Blue House|Cheong Wa Dae|National Assembly|"
    r"in Korea|Koreans (?:call|say)|Ulleung|Gyeongsang|Yonhap|MOFA Korea|President \w+|presidential|"
    r"Moon Jae-in|Yoon Suk Yeol|Lee Jae-myung|Lee Jae Myung|Park Geun-hye|Lee Myung-bak|Roh Moo-hyun|Kim Dae-jung|"
    r"Korea (?:says|said|holds|held|calls|called|claims|claimed|maintains|argues|argued|describes|uses|used)|"
    r"UNESCO|UN |United Nations|Special Rapporteur|victims|campaign|activists|museum|memorial"
)
_JAPAN = (
    r"Tokyo|Japan's|Japanese (?:government|side|name|names|foreign ministry|ministry|officials?|prime minister|"
    r"maps?|textbooks?|term|usage|cabinet|lawmakers|media|press|scholars|historians|companies|firms|embassy)|"
    r"Japan (?:says|said|holds|held|calls|called|claims|claimed|maintains|argues|argued|describes|protested|"
    r"incorporated|uses|used)|Shimane|Cabinet|Diet|MOFA|[Mm]inistry|in Japan|[Pp]rime [Mm]inister|Oki|"
    r"Abe|Kishida|Ishiba|Takaichi|Suga|Koizumi|Chief Cabinet Secretary|Liberal Democratic|IHO|International Hydrographic"
)


@dataclass(frozen=True)
class Term:
    """One side's term, the other side's counterpart, and what attributes a sentence to the side."""

    pattern: re.Pattern[str]
    side: str
    counterpart: re.Pattern[str] | None
    attribution: re.Pattern[str]


def _term(pattern: str, side: str, counterpart: str | None) -> Term:
    cues = _KOREA if side == "South Korea" else _JAPAN
    return Term(re.compile(pattern, re.I), side, re.compile(counterpart, re.I) if counterpart else None,
                re.compile(rf"\b(?:{cues})"))


TERMS: list[Term] = [
    _term(r"\bDokdo\b|\bTokdo\b", "South Korea", r"\bTakeshima\b"),
    _term(r"\bTakeshima\b", "Japan", r"\bDokdo\b"),
    _term(r"\bEast Sea\b", "South Korea", r"\bSea of Japan\b"),
    _term(r"\bSea of Japan\b", "Japan", r"\bEast Sea\b"),
    _term(r"\bforced[- ]labou?r(?:ers?)?\b|\bforcibly mobili[sz]ed\b|\bforced mobili[sz]ation\b|\bforced to work\b",
          "South Korea", None),
    _term(r"\bsex(?:ual)? slave(?:ry|s)?\b", "South Korea", None),
    _term(r"\bworkers from the Korean Peninsula\b", "Japan", None),
]
# Saying whose word it is: a verb of saying or naming, or the term in quotation marks.
REPORTING = re.compile(
    r"\b(?:calls?|called|calling|describes?|described|refers? to|referred to|names?|named|known as|knows? it as|"
    r"terms?|termed|says?|said|holds?|held|according to|words?|claims?|claimed|maintains?|maintained|argues?|"
    r"argued|regards?|regarded|considers?|considered|recogni[sz]es?|recogni[sz]ed|insists?|insisted|protests?|"
    r"protested|demands?|demanded|asserts?|asserted|position|view|labels?|labelled|labeled|uses?|used|"
    r"acknowledged?|admitted|officially|spelling)\b", re.I)
QUOTED = "\"“‘'"
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“‘(])")


def unattributed_terms(text: str, context: str = "") -> list[str]:
    """The one-sided terms in `text` whose sentence has neither an attribution nor the counterpart.

    `context` (a question's prompt, for its choices) counts as part of every sentence.
    """
    found: list[str] = []
    for sentence in SENTENCE_END.split(text):
        scope = f"{sentence} {context}"
        for term in TERMS:
            match = term.pattern.search(sentence)
            if not match or (term.counterpart and term.counterpart.search(scope)):
                continue
            words = match.group(0).split()
            if match.start() > 0 and len(words) > 1 and all(w[0].isupper() for w in words) and term.counterpart is None:
                continue  # a proper name: the Foundation for Victims of Forced Mobilization by Imperial Japan
            quoted = match.start() > 0 and sentence[match.start() - 1] in QUOTED
            if term.attribution.search(scope) and (quoted or REPORTING.search(scope)):
                continue
            found.append(f"'{match.group(0)}' is {term.side}'s term")
    return found
