"""This process's progress store (one per kernel), the learner's name in it, and renamed questions' answers carried over."""

from __future__ import annotations

import logging
import sys
import warnings
from pathlib import Path

from jkquiz.bank.bank import Bank
from jkquiz.bank.model import renames
from jkquiz.errors import ProgressError
from jkquiz.i18n import remember_language
from jkquiz.progress.opening import open_or_fallback, progress_path
from jkquiz.progress.store import ProgressStore

__all__ = ["DEFAULT_LEARNER", "LANGUAGE_KEY", "LEARNER_KEY", "LOG_NAME", "ProgressWarning", "forget_store", "learner",
           "log_to_file", "name_learner", "progress_store", "store_for"]

LOG_NAME = "jkquiz.log"  # beside the progress file: tracebacks of unexpected errors (the learner sees a plain line)
DEFAULT_LEARNER = "learner"  # whose answers these are until set_learner() names them
LEARNER_KEY = "learner"
LANGUAGE_KEY = "language"  # the learner's interface language, remembered by jkquiz.set_language()


class ProgressWarning(UserWarning):
    """Progress cannot be saved to its file (it is kept in memory for this session)."""


_store: ProgressStore | None = None


def log_to_file(path: Path) -> None:
    """Send jkquiz's error log (logger 'jkquiz') to `path` (replacing an earlier file); nowhere when it cannot be written."""
    logger = logging.getLogger("jkquiz")
    for old in [h for h in logger.handlers if getattr(h, "jkquiz_log", False)]:
        if Path(getattr(old, "baseFilename", "")) == path.absolute():
            return
        logger.removeHandler(old)
        old.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        return
    handler.jkquiz_log = True  # type: ignore[attr-defined]  # marks our handler, so it is added once
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)


def progress_store() -> ProgressStore:
    """This kernel's progress store, opened on first use; when the file cannot be used, one in memory and a
    warning, shown once."""
    global _store
    if _store is None:
        log_to_file(progress_path().parent / LOG_NAME)
        if sys.platform == "emscripten":  # the static site: answers kept in the browser's own storage
            from jkquiz.progress.browser import open_browser_store

            _store = open_browser_store()
        else:
            _store = open_or_fallback()
        try:
            remember_language(_store.setting(LANGUAGE_KEY))
        except ProgressError:
            pass  # the store is busy: the interface speaks $JKQUIZ_LANG or English until it is chosen again
        if _store.warning:
            warnings.warn(_store.warning, ProgressWarning, stacklevel=3)
    return _store


def forget_store() -> None:
    """Close the store, so the next use opens it afresh (after JKQUIZ_HOME changed, in tests)."""
    global _store
    if _store is not None:
        _store.close()
    _store = None
    _carried.clear()
    remember_language(None)


_carried: set[int] = set()  # banks whose renames this kernel's store has taken in


def store_for(bank: Bank) -> ProgressStore:
    """This kernel's store, with answers under questions' earlier ids (`renamed_from`) moved to their ids now."""
    store = progress_store()
    if id(bank) not in _carried:
        moves = renames(bank.questions.values())
        try:
            if moves:
                store.carry_over(moves)
            _carried.add(id(bank))
        except ProgressError:
            pass  # the store is busy or read-only: answers stay where they are, and it is tried again next time
    return store


def learner() -> str:
    """The name the answers are saved under."""
    return progress_store().setting(LEARNER_KEY) or DEFAULT_LEARNER


def name_learner(store: ProgressStore, name: str) -> str:
    """Remember the learner's name in `store` (moving unnamed answers to it); the name as cleaned."""
    clean = " ".join(str(name).split())
    if not clean or len(clean) > 80 or not clean.isprintable():
        raise ProgressError(f"a learner's name should be 1 to 80 printable characters, not {name!r}")
    if store.setting(LEARNER_KEY) is None and clean != DEFAULT_LEARNER and store.count(DEFAULT_LEARNER):
        store.rename_learner(DEFAULT_LEARNER, clean)
    store.set_setting(LEARNER_KEY, clean)
    return clean
