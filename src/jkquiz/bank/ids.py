"""Suggested ids for new facts and questions: the topic's usual prefix and the text's key words.

'As of 2009, which country's police guard the islets?' in the territory file gives
'q-terr-police-guard-2009': stop words, numbers that are not years, possessives and
punctuation are dropped; of the remaining words, the ones the bank uses least are kept
(they tell one item from another), in the order the text has them, and the first year
goes last. Words are never cut short. The id is free in the bank.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from jkquiz.bank.bank import Bank

MAX_WORDS = 3  # key words in an id, a year counting as one
MAX_LENGTH = 40  # characters after the prefix

STOP_WORDS = frozenset("""
a about above according after again against all also am among an and another any are as at be because been
before being below between both but by can could did do does doing done during each either else ever every
few first following for from further had has have having he her here hers him his how however i if in into is
it its itself just least less like made make many may me might more most much must my no nor not now of off
often on once one only onto or other others our out over own per put same several she should since so some
such than that the their theirs them then there these they this those through thus to too two under until up
upon us very via was we were what whatever when where whether which while who whom whose why will with within
without would yet you your
true false correct correctly describe described following called call calls name named
each order earliest latest match put these item items choose pick
country countries government governments hold holds held say says said
january february march april may june july august september october november december
""".split())

_TAG = re.compile(r"<[^>]*>")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")


def words_of(text: str, *, names: set[str] | None = None) -> list[str]:
    """Lowercase ASCII words of `text`: tags, possessives, diacritics and other scripts dropped; hyphenated words kept whole.

    `names` receives the words written with a capital inside a sentence (names tell items apart best).
    """
    text = _POSSESSIVE.sub("", _TAG.sub(" ", text))
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_text = re.sub(r"[‐‑–—]", "-", ascii_text)  # hyphens of other widths join words like '-'
    words = []
    for match in _WORD.finditer(ascii_text.casefold()):
        word = match.group().strip("-")
        before = ascii_text[:match.start()].rstrip()
        if names is not None and ascii_text[match.start()].isupper() and before and before[-1] not in ".?!:\"'“(":
            names.add(word)
        words.append(word)
    return words


def key_words(text: str, usage: Counter[str] | None = None, limit: int = MAX_WORDS) -> list[str]:
    """Up to `limit` words that say what the text is about, in the text's order, the first year last."""
    candidates: list[str] = []
    year = ""
    names: set[str] = set()
    for word in words_of(text, names=names):
        parts = word.split("-")
        if _YEAR.match(word):
            year = year or word
        elif word.isdigit() or all(p.isdigit() for p in parts):
            continue  # counts and amounts make poor names
        elif len(word) > 1 and word not in STOP_WORDS and word not in candidates and any(c.isalpha() for c in word):
            candidates.append(word)
    room = limit - (1 if year else 0)
    usage = usage or Counter()
    common = max(3, usage.get("", 0) // 20)  # in more than 5% of the bank's items: says little about this one

    def rank(i: int) -> tuple[bool, bool, int]:
        word = candidates[i]
        return usage[word] > common, word not in names, i

    best = sorted(range(len(candidates)), key=rank)[:max(room, 0)]
    kept = [candidates[i] for i in sorted(best)]
    return kept + ([year] if year else [])


def word_usage(bank: Bank) -> Counter[str]:
    """In how many facts and questions of the bank each word appears (common words make poor ids)."""
    counts: Counter[str] = Counter()
    texts: Iterable[str] = [*(f.statement for f in bank.facts.values()), *(q.prompt for q in bank.iter_authored())]
    for text in texts:
        counts.update(set(words_of(text)))
        counts[""] += 1  # how many items were counted
    return counts


def topic_prefix(bank: Bank, topic: str, question: bool) -> str:
    """The prefix the topic's ids already use ('q-terr' and 'terr'), or one made from the topic id."""
    def most_common(ids: Iterable[str], pattern: str) -> str:
        found = Counter(m.group(1) for i in ids if (m := re.match(pattern, i)))
        return found.most_common(1)[0][0] if found else ""

    question_ids = [q.id for q in bank.iter_authored() if q.topic == topic]
    fact_ids = [f.id for f in bank.facts_for(topic)]
    head = (most_common(question_ids, r"^q-([a-z0-9]+)-") or most_common(fact_ids, r"^([a-z0-9]+)-")
            if question else most_common(fact_ids, r"^([a-z0-9]+)-") or most_common(question_ids, r"^q-([a-z0-9]+)-"))
    if not head:
        first = topic.split("-")[0]
        head = topic if first in STOP_WORDS else first
    return f"q-{head}" if question else head


def suggest_id(bank: Bank, topic: str, text: str, prefix: str = "q") -> str:
    """A free, readable id from the topic's prefix and the text's key words: 'q-terr-police-guard-2009'.

    `prefix` is "q" for a question and anything else ("f") for a fact.
    """
    head = topic_prefix(bank, topic, question=prefix == "q")
    taken = set(bank.facts) | set(bank.questions)
    usage = word_usage(bank)
    words = key_words(text, usage)
    while len("-".join(words)) > MAX_LENGTH and len(words) > 1:
        words.pop(len(words) - (2 if _YEAR.match(words[-1]) else 1))  # the year stays
    base = "-".join([head, *words])
    if base not in taken:
        return base
    for limit in range(MAX_WORDS + 1, MAX_WORDS + 3):  # one more word tells it apart before a number does
        longer = "-".join([head, *key_words(text, usage, limit)])
        if longer not in taken and longer != base:
            return longer
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
