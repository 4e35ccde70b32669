"""Progress store: answers written per second (one commit each) as a ratio to a bare sqlite3 loop; due() over
100,000 attempts across 1,000 questions.

Target: write time / bare `sqlite3` insert+commit loop <= 1.5, both on files with the store's own settings
(WAL, synchronous=FULL: every answer reaches the disk before Check returns), best of 5 interleaved rounds each.
Also printed, for honesty: the same ratio with synchronous=NORMAL on both sides, where no disk flush hides the
store's own work (JSON, the FSRS card update, the second statement), and that work in microseconds.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import best_of, report  # noqa: E402

from jkquiz.engine import Attempt  # noqa: E402
from jkquiz.progress import open_store, plan_review  # noqa: E402
from jkquiz.progress.records import ATTEMPT_COLUMNS, attempt_row  # noqa: E402
from jkquiz.progress.schedule import due_items, replay  # noqa: E402
from jkquiz.progress.schema import MIGRATIONS  # noqa: E402

WRITES = 1000
ROUNDS = 5
QUESTIONS = 1000
HISTORY = 100_000
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def attempts(count: int, questions: int, step: timedelta) -> list[Attempt]:
    """Answers to `questions` questions in turn, one every `step`, a third of them wrong."""
    return [Attempt(f"q-{i % questions}", f"topic-{i % questions % 9}", f"hash{i % questions:04d}", ["Dokdo"],
                    "Dokdo", "wrong" if i % 3 == 0 else "correct", 0.0 if i % 3 == 0 else 1.0, 4.2,
                    T0 + step * i, f"session-{i // 10}") for i in range(count)]


def time_store(folder: Path, batch: list[Attempt], sync: str) -> float:
    store = open_store(folder / f"store-{sync}-{time.perf_counter_ns()}.sqlite3")
    store._conn.execute(f"PRAGMA synchronous = {sync}")
    start = time.perf_counter()
    for a in batch:
        store.record(a, "bench")
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def time_bare(folder: Path, batch: list[Attempt], sync: str) -> float:
    conn = sqlite3.connect(folder / f"bare-{sync}-{time.perf_counter_ns()}.sqlite3", timeout=10, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {sync}")
    conn.execute(MIGRATIONS[0][1][0])  # the same attempts table, with the same unique key
    insert = f"INSERT INTO attempts ({', '.join(ATTEMPT_COLUMNS)}) VALUES ({', '.join('?' * len(ATTEMPT_COLUMNS))})"
    rows = [attempt_row("bench", a) for a in batch]  # bare: values ready, nothing but insert and commit
    start = time.perf_counter()
    for row in rows:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(insert, row)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="jkquiz-bench-"))
    try:
        batch = attempts(WRITES, 50, timedelta(seconds=7))
        time_store(folder, batch[:50], "FULL")  # warm: fsrs imported, statements compiled
        results: dict[str, list[float]] = {"store FULL": [], "bare FULL": [], "store NORMAL": [], "bare NORMAL": []}
        for round_ in range(ROUNDS):  # interleaved, so drifting load hits both sides alike
            for sync in ("FULL", "NORMAL"):
                pair = [("store", time_store), ("bare", time_bare)]
                for name, fn in pair if round_ % 2 == 0 else pair[::-1]:
                    results[f"{name} {sync}"].append(fn(folder, batch, sync))
        best = {k: min(v) for k, v in results.items()}

        store = open_store(folder / "history.sqlite3")
        history = attempts(HISTORY, QUESTIONS, timedelta(minutes=3))
        start = time.perf_counter()
        for i in range(0, HISTORY, 5000):
            store.merge("bench", history[i:i + 5000])
        t_import = time.perf_counter() - start
        now = history[-1].answered_at + timedelta(days=3)
        current = {f"q-{i}": f"hash{i:04d}" for i in range(QUESTIONS)}
        due = store.due("bench", now, current)
        t_due = best_of(lambda: store.due("bench", now, current), 7)
        t_due_index = best_of(lambda: store.due("bench", now), 7)
        t_plan = best_of(lambda: plan_review(store.due("bench", now, current), 10), 7)
        t_replay = best_of(lambda: due_items(replay(store.attempts("bench")).values(), now, current), 1)
        store.close()
    finally:
        shutil.rmtree(folder)

    report({
        "writes_per_second": round(WRITES / best["store FULL"]),
        "bare_writes_per_second": round(WRITES / best["bare FULL"]),
        "ratio_write_vs_bare": round(best["store FULL"] / best["bare FULL"], 3),
        "target_ratio_write_vs_bare": 1.5,
        "writes_per_second_sync_normal": round(WRITES / best["store NORMAL"]),
        "ratio_write_vs_bare_sync_normal": round(best["store NORMAL"] / best["bare NORMAL"], 3),
        "store_work_per_answer_us": round((best["store NORMAL"] - best["bare NORMAL"]) / WRITES * 1e6, 1),
        "history_attempts": HISTORY,
        "history_questions": QUESTIONS,
        "import_history_s": round(t_import, 2),
        "due_items": len(due),
        "due_ms": round(t_due * 1000, 2),
        "due_by_date_only_ms": round(t_due_index * 1000, 2),
        "review_plan_ms": round(t_plan * 1000, 2),
        "due_by_replaying_all_attempts_ms": round(t_replay * 1000, 1),
        "ratio_due_to_replay": round(t_due / t_replay, 4),
    })


if __name__ == "__main__":
    main()
