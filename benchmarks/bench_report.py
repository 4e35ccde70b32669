"""Class report: `jkquiz report` over 1,000 learners x 100 attempts, as a ratio to a bare pandas group-by.

The data: 1,000 export files written by the real exporter (`export_lines`), 100 attempts each, on the course bank's
questions (70 distinct questions a learner, the other 30 attempts answering some of them again; 40 questions with a
third of their answers to an older wording; each learner's last attempt to a question no longer in the bank); right
or wrong drawn from the learner's ability and the question's difficulty, wrong picks spread over the distractors.

Timed, best of 5 interleaved rounds, the bank loaded once beforehand (both sides get it free):
- report: `class_report(files, bank)` (stream every file through the shared export reader, which checks every
  line, keep each learner's first answer per question version, then scores by topic, facility, discrimination,
  flags and picks) plus rendering the text report;
- baseline: read every file, `json.loads` each attempt line (no checks), one pandas DataFrame of all 100,000
  attempts, sort by time, keep each learner's first answer per (question, hash), then group-by means per
  question (facility) and per learner and topic (scores). No validation, no discrimination, no picks.

Target: report / baseline <= 2 (measured 1.1-1.5 on a quiet 2-core machine; up to 2.3 while other jobs ran). Also printed: peak Python memory of each (tracemalloc, one extra run each): the
report keeps first answers, the baseline every attempt.

Scale (docs/scale.md): classes of 1,000, 10,000 and 100,000 learners with 10 answers each (a MOOC's typical
learner answers few), each reported (what `jkquiz report --format csv` does once its bank is loaded: list the
folder, stream every file, analyse, render) in a fresh child process, which gives its time and its peak memory
(VmHWM) over its own baseline: the same process after importing jkquiz and loading the bank. Targets, each a ratio within this run: CPU time per learner at 100,000 / at 1,000 <= 1.5 (linear;
CPU rather than wall time, which other jobs on a shared machine stretch), and
report memory above the baseline at 100,000 / at 1,000 <= 2 (streaming: memory does not grow with the class; the
file list, the learner -> file index and the learners' rows are in a temporary SQLite file). The JSON's last line
carries `memory_above_baseline_mb` by class size, `memory_ratio` and `meets_memory_target`.
`--compare=SRC` also measures the jkquiz in the checkout folder SRC (e.g. main's `src` before a change) on the
same files, in the same run. `--no-scale` leaves the scale cases out (they take a few minutes); `--scale-only` runs only them;
JKQUIZ_BENCH_SCALE=1000,10000 sets the class sizes (the first is the baseline, the last the target).
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _util import report  # noqa: E402

from jkquiz.bank import Bank, QuestionBase, load_bank  # noqa: E402
from jkquiz.engine import Attempt  # noqa: E402
from jkquiz.progress.summary import current_hashes  # noqa: E402
from jkquiz.progress.transfer import export_lines  # noqa: E402
from jkquiz.report import class_report, render_text  # noqa: E402

LEARNERS = 1000
ATTEMPTS = 100
DISTINCT = 70  # questions a learner answers; the other attempts answer some of them again
ROUNDS = 5
TARGET = 2.0
T0 = datetime(2026, 9, 1, tzinfo=timezone.utc)


class FakeStore:
    """Just what `export_lines` asks of a store: the count and the attempts, oldest first."""

    def __init__(self, attempts: list[Attempt]) -> None:
        self._attempts = attempts

    def count(self, learner: str | None = None) -> int:
        return len(self._attempts)

    def attempts(self, learner: str, question_id: str | None = None) -> Iterator[Attempt]:
        return iter(self._attempts)


def response(q: QuestionBase, right: bool, rng: random.Random) -> tuple[Any, float]:
    """A plausible response and its score."""
    kind = q.type  # type: ignore[attr-defined]
    if kind == "single":
        wrong = [c for c in q.choices if c != q.answer]  # type: ignore[attr-defined]
        return (q.answer, 1.0) if right else (rng.choice(wrong), 0.0)  # type: ignore[attr-defined]
    if kind == "multiple":
        answers = list(q.answers)  # type: ignore[attr-defined]
        return (answers, 1.0) if right else (answers[:1], 0.5) if len(answers) > 1 else ([q.choices[-1]], 0.0)  # type: ignore[attr-defined]
    if kind == "true_false":
        return (q.answer if right else not q.answer), float(right)  # type: ignore[attr-defined]
    return ("right" if right else "wrong"), float(right)


def learner_attempts(i: int, questions: list[QuestionBase], hashes: dict[str, str], changed: set[str],
                     rng: random.Random) -> list[Attempt]:
    """One learner's 100 attempts, oldest first."""
    ability = rng.gauss(0, 1)
    chosen = rng.sample(questions, DISTINCT)
    order = chosen + [rng.choice(chosen) for _ in range(ATTEMPTS - DISTINCT)]
    out = []
    for k, q in enumerate(order):
        p = 1 / (1 + math.exp(-(ability - (q.difficulty - 2))))
        given, score = response(q, rng.random() < p, rng)
        chash = "0" * 16 if q.id in changed and k % 3 == 0 else hashes[q.id]
        qid, chash = ("q-removed", "1" * 16) if k == ATTEMPTS - 1 else (q.id, chash)
        status = "correct" if score >= 1 else "wrong" if score <= 0 else "partial"
        out.append(Attempt(qid, q.topic, chash, given, str(given), status, score, 5.0,
                           T0 + timedelta(days=i % 30, seconds=60 * k), f"s{i}-{k // 10}"))
    return out


def write_class(folder: Path, bank: Bank) -> list[Path]:
    """1,000 export files, by the real exporter."""
    rng = random.Random(6)
    hashes = current_hashes(bank)
    questions = list(bank.questions.values())
    changed = set(rng.sample(sorted(hashes), 40))  # ~10% of answers are to an older wording
    paths = []
    for i in range(LEARNERS):
        path = folder / f"learner-{i:04d}.jsonl"
        lines = export_lines(FakeStore(learner_attempts(i, questions, hashes, changed, rng)), f"Learner {i:04d}", now=T0)  # type: ignore[arg-type]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        paths.append(path)
    return paths


def run_report(paths: list[Path], bank: Bank) -> str:
    return render_text(class_report(paths, bank), width=100)


def run_baseline(paths: list[Path]) -> tuple[Any, Any]:
    import pandas as pd

    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            learner = json.loads(handle.readline())["learner"]
            for line in handle:
                row = json.loads(line)
                row["learner"] = learner
                rows.append(row)
    frame = pd.DataFrame(rows, columns=["learner", "question_id", "topic", "content_hash", "score", "answered_at"])
    first = frame.sort_values("answered_at", kind="stable").drop_duplicates(["learner", "question_id", "content_hash"])
    facility = first.groupby(["question_id", "content_hash"])["score"].mean()
    scores = first.groupby(["learner", "topic"])["score"].mean()
    return facility, scores


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak_mb(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 1e6, 1)


SCALE = tuple(int(n) for n in os.environ.get("JKQUIZ_BENCH_SCALE", "1000,10000,100000").split(","))
SCALE_ANSWERS = 10
MEMORY_TARGET = 2.0
TIME_TARGET = 1.5


def write_scale_class(folder: Path, learners: int, bank: Bank, rng: random.Random) -> None:
    """`learners` export files of SCALE_ANSWERS answers each (8 questions, 2 answered again)."""
    hashes = current_hashes(bank)
    questions = list(bank.questions.values())
    folder.mkdir()
    for i in range(learners):
        ability = rng.gauss(0, 1)
        chosen = rng.sample(questions, SCALE_ANSWERS - 2)
        attempts = []
        for k, q in enumerate(chosen + chosen[:2]):
            p = 1 / (1 + math.exp(-(ability - (q.difficulty - 2))))
            given, score = response(q, rng.random() < p, rng)
            status = "correct" if score >= 1 else "wrong" if score <= 0 else "partial"
            attempts.append(Attempt(q.id, q.topic, hashes[q.id], given, str(given), status, score, 5.0,
                                    T0 + timedelta(days=i % 30, seconds=60 * k), f"s{i}"))
        lines = export_lines(FakeStore(attempts), f"Learner {i:06d}", now=T0)  # type: ignore[arg-type]
        (folder / f"learner-{i:06d}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


MEASURE = """
import io, json, resource, sys, time
from jkquiz.cli.bankarg import open_bank
from jkquiz.report import class_report, expand_paths
try:
    from jkquiz.report.render import write_csv
except ImportError:  # a checkout from before the report streamed (--compare): it made the CSV as one string
    from jkquiz.report import render_csv
    def write_csv(report, out):
        out.write(render_csv(report))

class Lines:
    # where the CSV goes (stdout for `jkquiz report`): here only its lines counted
    rows = 0
    def write(self, text):
        self.rows += text.count("\\n")

def peak_kb():
    # VmHWM: this process's own peak (ru_maxrss would start at the parent's peak: Linux keeps it across exec)
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

bank = open_bank(None)  # what `jkquiz report` loads before it reads a file
base = peak_kb()
start, cpu = time.perf_counter(), time.process_time()
paths, problems = expand_paths([sys.argv[1]])
sink = Lines()
write_csv(class_report(paths, bank), sink)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = peak_kb()
print(json.dumps({"code": 1 if problems else 0, "seconds": seconds, "cpu": cpu, "baseline_kb": base, "peak_kb": peak,
                  "rows": sink.rows}))
"""


COMPARE = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--compare=")), "")


def measure_report(folder: Path, src: str = "") -> dict[str, Any]:
    """`jkquiz report` of a folder in a fresh process: time, and peak memory over its own baseline.

    `src`: a checkout's `src` folder whose jkquiz is measured instead (another version, on the same files)."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": src} if src else None
    done = subprocess.run([sys.executable, "-c", MEASURE, str(folder)], capture_output=True, text=True, check=True,
                          env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale_figures(bank: Bank) -> dict[str, Any]:
    """Report time and memory for classes of SCALE learners; the ratios against the smallest."""
    rng = random.Random(7)
    figures: dict[str, Any] = {}
    results, compared = {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-report-scale-") as tmp:
        for learners in SCALE:
            folder = Path(tmp) / str(learners)
            start = time.perf_counter()
            write_scale_class(folder, learners, bank, rng)
            generated = time.perf_counter() - start
            size = sum(p.stat().st_size for p in folder.iterdir())
            result = measure_report(folder)
            assert result["code"] == 0, result
            results[learners] = result
            key = f"scale_{learners}"
            figures[f"{key}_files_mb"] = round(size / 1e6, 1)
            figures[f"{key}_generate_s"] = round(generated, 1)
            figures[f"{key}_report_s"] = round(result["seconds"], 2)
            figures[f"{key}_report_cpu_s"] = round(result["cpu"], 2)
            figures[f"{key}_report_cpu_ms_per_learner"] = round(result["cpu"] / learners * 1e3, 3)
            figures[f"{key}_baseline_rss_mb"] = round(result["baseline_kb"] / 1024, 1)
            figures[f"{key}_report_peak_rss_mb"] = round(result["peak_kb"] / 1024, 1)
            growth = max(result["peak_kb"] - result["baseline_kb"], 1)
            figures[f"{key}_report_memory_above_baseline_mb"] = round(growth / 1024, 1)
            if COMPARE:  # the other version on the same files, in the same run
                other = measure_report(folder, COMPARE)
                assert other["rows"] == result["rows"], (other, result)
                compared[learners] = other
                figures[f"{key}_compared_report_cpu_ms_per_learner"] = round(other["cpu"] / learners * 1e3, 3)
                figures[f"{key}_compared_report_peak_rss_mb"] = round(other["peak_kb"] / 1024, 1)
                figures[f"{key}_compared_report_memory_above_baseline_mb"] = round(
                    max(other["peak_kb"] - other["baseline_kb"], 1) / 1024, 1)
            shutil.rmtree(folder)
    small, big = results[SCALE[0]], results[SCALE[-1]]
    time_ratio = (big["cpu"] / SCALE[-1]) / (small["cpu"] / SCALE[0])  # CPU time: the machine is shared
    memory_ratio = max(big["peak_kb"] - big["baseline_kb"], 1) / max(small["peak_kb"] - small["baseline_kb"], 1)
    figures.update({
        "scale_ratio_cpu_per_learner_largest_to_smallest": round(time_ratio, 2),
        "scale_target_time_ratio": TIME_TARGET,
        "scale_meets_time_target": time_ratio <= TIME_TARGET,
        "scale_ratio_memory_largest_to_smallest": round(memory_ratio, 1),
        "scale_target_memory_ratio": MEMORY_TARGET,
        "scale_meets_memory_target": memory_ratio <= MEMORY_TARGET,
        # the memory target in one place: MB above the baseline by class size, their ratio, the target, met or not
        "memory_above_baseline_mb": {str(n): figures[f"scale_{n}_report_memory_above_baseline_mb"] for n in SCALE},
        "memory_ratio": round(memory_ratio, 2),
        "memory_target_ratio": MEMORY_TARGET,
        "meets_memory_target": memory_ratio <= MEMORY_TARGET,
    })
    if compared:
        old_small, old_big = compared[SCALE[0]], compared[SCALE[-1]]
        figures["scale_compared_src"] = COMPARE
        figures["scale_compared_ratio_memory_largest_to_smallest"] = round(
            max(old_big["peak_kb"] - old_big["baseline_kb"], 1) / max(old_small["peak_kb"] - old_small["baseline_kb"], 1), 1)
        figures["scale_memory_above_baseline_largest_compared_to_this"] = round(
            max(old_big["peak_kb"] - old_big["baseline_kb"], 1) / max(big["peak_kb"] - big["baseline_kb"], 1), 1)
    return figures


def main() -> None:
    if "--scale-only" in sys.argv:
        report(scale_figures(load_bank()))
        return
    import pandas  # noqa: F401  (imported before timing: the baseline's import is not its work)

    bank = load_bank()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        start = time.perf_counter()
        paths = write_class(Path(tmp), bank)
        generated = time.perf_counter() - start
        size = sum(p.stat().st_size for p in paths)
        result = class_report(paths, bank)
        facility, _ = run_baseline(paths)
        current = {(r.question_id, r.content_hash): r.facility for r in result.items + result.older}
        assert len(current) == len(facility) and all(  # same data, same first answers: the same facilities
            abs(current[key] - value) < 1e-9 for key, value in facility.items())
        reports, baselines = [], []
        for _ in range(ROUNDS):
            reports.append(timed(lambda: run_report(paths, bank)))
            baselines.append(timed(lambda: run_baseline(paths)))
        report_mb = peak_mb(lambda: run_report(paths, bank))
        baseline_mb = peak_mb(lambda: run_baseline(paths))
    best, base = min(reports), min(baselines)
    scale = {} if "--no-scale" in sys.argv else scale_figures(bank)
    report({
        **scale,
        "learners": LEARNERS,
        "attempts": LEARNERS * ATTEMPTS,
        "files_mb": round(size / 1e6, 1),
        "generate_s": round(generated, 2),
        "report_s": round(best, 3),
        "baseline_pandas_s": round(base, 3),
        "report_us_per_attempt": round(best / (LEARNERS * ATTEMPTS) * 1e6, 2),
        "ratio_report_to_baseline": round(best / base, 2),
        "target_ratio": TARGET,
        "meets_target": best / base <= TARGET,
        "report_peak_mb": report_mb,
        "baseline_peak_mb": baseline_mb,
        "items_analysed": len(result.items),
        "older_or_removed": len(result.older),
    })


if __name__ == "__main__":
    main()
