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


# Korean and Japanese: the same policy (CONTRIBUTING.md, the translators' table), each language's own words.
_KO_KOREA = (r"한국|대한민국|서울|정부|대법원|법원|판결|원고|피해자|외교부|청와대|대통령실|대통령|국회|시민단체|"
             r"이재명|윤석열|문재인|박근혜|이명박|노무현|김대중|울릉|경상북도|경북|유네스코|유엔")
_KO_JAPAN = r"일본|도쿄|시마네|외무성|총리|내각|관방장관|국회|이시바|다카이치|기시다|아베|스가|고이즈미|국제수로기구|IHO"
_KO_REPORTING = (r"부르|불러|부른|칭하|칭한|칭했|주장|입장|밝혔|밝힌|말했|말한|따르면|표현|규정|명칭|이름|라고|이라고|"
                 r"라는|이라는|요구|항의|인정|간주|여기|보고|본다|쓴다|쓰는|사용")
_JA_KOREA = (r"韓国|大韓民国|ソウル|政府|大法院|裁判所|判決|原告|被害者|外交部|青瓦台|大統領|国会|市民団体|"
             r"李在明|尹錫悦|文在寅|朴槿恵|李明博|盧武鉉|金大中|鬱陵|慶尚北道|ユネスコ|国連")
_JA_JAPAN = r"日本|東京|島根|外務省|首相|総理|内閣|官房長官|国会|石破|高市|岸田|安倍|菅|小泉|国際水路機関|IHO"
_JA_REPORTING = (r"呼|称|主張|立場|表明|述べ|によると|によれば|表現|規定|名称|名前|と言|とい|とする|とし|要求|抗議|"
                 r"認め|みなし|見な|位置づけ|使用|使う|使っ")


def _local(pattern: str, cues: str, reporting: str, counterpart: str | None, side: str) -> tuple[Term, re.Pattern[str]]:
    return Term(re.compile(pattern), side, re.compile(counterpart) if counterpart else None, re.compile(cues)), \
        re.compile(reporting)


LOCAL_TERMS: dict[str, list[tuple[Term, re.Pattern[str]]]] = {
    "ko": [
        _local(r"독도", _KO_KOREA, _KO_REPORTING, r"다케시마|竹島", "South Korea"),
        _local(r"다케시마", _KO_JAPAN, _KO_REPORTING, r"독도", "Japan"),
        _local(r"동해(?![안선])", _KO_KOREA, _KO_REPORTING, r"일본해", "South Korea"),
        _local(r"일본해", _KO_JAPAN, _KO_REPORTING, r"동해", "Japan"),
        _local(r"강제\s?(?:동원|징용|노동|연행)", _KO_KOREA, _KO_REPORTING, None, "South Korea"),
        _local(r"성노예", _KO_KOREA, _KO_REPORTING, None, "South Korea"),
        _local(r"한반도\s?출신\s?노동자", _KO_JAPAN, _KO_REPORTING, None, "Japan"),
    ],
    "ja": [
        _local(r"独島|ドクト", _JA_KOREA, _JA_REPORTING, r"竹島", "South Korea"),
        _local(r"竹島", _JA_JAPAN, _JA_REPORTING, r"独島|ドクト", "Japan"),
        _local(r"東海(?!地方|道|村|大学|岸)", _JA_KOREA, _JA_REPORTING, r"日本海", "South Korea"),
        _local(r"日本海", _JA_JAPAN, _JA_REPORTING, r"東海", "Japan"),
        _local(r"強制(?:動員|徴用|労働|連行)", _JA_KOREA, _JA_REPORTING, None, "South Korea"),
        _local(r"性奴隷", _JA_KOREA, _JA_REPORTING, None, "South Korea"),
        _local(r"朝鮮半島出身(?:の)?労働者", _JA_JAPAN, _JA_REPORTING, None, "Japan"),
    ],
}
LOCAL_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")
_QUOTES = "\"“‘'「『"


def unattributed_terms(text: str, context: str = "", lang: str = "en") -> list[str]:
    """The one-sided terms in `text` whose sentence has neither an attribution nor the counterpart.

    `context` (a question's prompt, for its choices) counts as part of every sentence. `lang`: the
    language of `text` (en, ko or ja), whose words for each side's terms and attributions are used.
    """
    if lang != "en":
        return _unattributed_local(text, context, LOCAL_TERMS.get(lang, []))
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


def _unattributed_local(text: str, context: str, terms: list[tuple[Term, re.Pattern[str]]]) -> list[str]:
    found: list[str] = []
    for sentence in LOCAL_SENTENCE_END.split(text):
        scope = f"{sentence} {context}"
        for term, reporting in terms:
            match = term.pattern.search(sentence)
            if not match or (term.counterpart and term.counterpart.search(scope)):
                continue
            quoted = match.start() > 0 and sentence[match.start() - 1] in _QUOTES
            if term.attribution.search(scope) and (quoted or reporting.search(scope)):
                continue
            found.append(f"'{match.group(0)}' is {term.side}'s term")
    return found
