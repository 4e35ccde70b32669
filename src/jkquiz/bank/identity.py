"""Stable question identity: a renamed question keeps its learners' history (`renamed_from`); checks that say
when a change to the bank would leave answers behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jkquiz.bank.bank import Bank
from jkquiz.bank.locations import Locations
from jkquiz.errors import Problem

ANSWERED_IDS = "question-ids.txt"  # beside the bank files: ids learners may have answered, one per line


def renames_keep_history(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Each earlier id in `renamed_from` is free (no item has it now) and claimed by one question only."""
    claimed: dict[str, str] = {}
    for q in bank.iter_authored():
        for index, old in enumerate(q.renamed_from):
            if old == q.id:
                message = "renamed_from lists the question's own id"
            elif old in bank.questions or old in bank.facts:
                message = (f"'{old}' in renamed_from is still the id of an item ({where.place_of(old)}): "
                           "answers to it cannot move to this question")
            elif old in claimed:
                message = f"'{old}' is also in renamed_from of '{claimed[old]}': its answers can move to one question only"
            else:
                claimed[old] = q.id
                continue
            yield where.problem("question", q.id, "renamed_from", index, message=message)


def answered_ids_remain(bank: Bank, where: Locations) -> Iterator[Problem]:
    """Every id listed in the bank folder's question-ids.txt is still a question, or in a question's renamed_from."""
    known = set(bank.questions) | {old for q in bank.questions.values() for old in q.renamed_from}
    for folder in dict.fromkeys(Path(file).parent for file in where.files.values()):
        path = folder / ANSWERED_IDS
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            qid = line.split("#", 1)[0].strip()
            if qid and qid not in known:
                yield Problem(str(path), number, 1, qid, "", (
                    f"question '{qid}' is no longer in the bank, so learners' answers to it would be orphaned: if it "
                    f"was renamed, add 'renamed_from: [{qid}]' to it; if it was removed on purpose, delete this line"))
