"""Build a 10-question quiz widget; `import jkquiz` time as a ratio to `import ipywidgets`.

Target: import jkquiz / import ipywidgets <= 1.3 (each in a fresh interpreter, best of several).
Also printed, for honesty: the first quiz of a kernel (import + bank load + widget) next to the
same import of ipywidgets, since `import jkquiz` itself defers its imports to first use (target
<= 1.5). The bank is loaded compiled (JSON, see jkquiz.bank.compiled); the same first quiz with the
YAML loaded instead (no compiled bank can be written) is printed beside it.

Fresh interpreters run with bytecode caches (in a folder of this run, warmed first), as an installed
package has them: where PYTHONDONTWRITEBYTECODE is set, jkquiz's sources (an editable install) would
otherwise be compiled in every run while ipywidgets' come cached from site-packages. The first quiz
without any cache of jkquiz's bytecode is printed too. The last line says whether each target is met.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import best_of, report  # noqa: E402

RUNS = 7
TARGET_IMPORT = 1.3
TARGET_FIRST_QUIZ = 1.5
# quizzes record answers: keep the benchmark's progress file out of the user's data folder
os.environ["JKQUIZ_HOME"] = tempfile.mkdtemp(prefix="jkquiz-bench-")
UNCACHED = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}  # no bytecode written: jkquiz compiled in each run
UNCACHED.pop("PYTHONPYCACHEPREFIX", None)
CACHED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CACHED["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="jkquiz-bench-pyc-")  # this run's caches, every module


def fresh(code: str, env: dict[str, str] | None = None) -> float:
    """Seconds a fresh interpreter spends running `code` (measured inside it, excluding start-up)."""
    wrapped = f"import time; _t = time.perf_counter()\n{code}\nprint(time.perf_counter() - _t)"
    out = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True, check=True,
                         env=env or CACHED).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    import jkquiz

    bank = jkquiz.load_bank()
    topic = next(iter(bank.topics))
    jkquiz.quiz(topic, n=10, bank=bank)  # warm: ipywidgets imported once
    build = best_of(lambda: jkquiz.quiz(topic, n=10, bank=bank), 10)

    first_quiz = f"import jkquiz; jkquiz.quiz({topic!r}, n=10)"
    fresh(first_quiz)  # warm: writes the bytecode caches (and the compiled bank, were it missing)
    fresh("import ipywidgets")
    t_widgets = min(fresh("import ipywidgets") for _ in range(RUNS))
    t_jkquiz = min(fresh("import jkquiz") for _ in range(RUNS))
    t_first = min(fresh(first_quiz) for _ in range(RUNS))
    t_uncached = min(fresh(first_quiz, UNCACHED) for _ in range(3))
    no_cache = Path(tempfile.mkdtemp(prefix="jkquiz-bench-yaml-"))
    (no_cache / "cache").write_text("a file where the compiled bank's folder would be: YAML every time")
    yaml_env = {**CACHED, "JKQUIZ_HOME": str(no_cache)}
    t_yaml = min(fresh(first_quiz, yaml_env) for _ in range(3))
    ratio_import, ratio_first = t_jkquiz / t_widgets, t_first / t_widgets
    report({
        "build_10_question_quiz_ms": round(build * 1000, 1),
        "import_ipywidgets_ms": round(t_widgets * 1000, 1),
        "import_jkquiz_ms": round(t_jkquiz * 1000, 1),
        "ratio_import_jkquiz_to_ipywidgets": round(ratio_import, 3),
        "first_quiz_in_fresh_kernel_ms": round(t_first * 1000, 1),
        "ratio_first_quiz_to_import_ipywidgets": round(ratio_first, 2),
        "first_quiz_without_bytecode_cache_ms": round(t_uncached * 1000, 1),
        "ratio_first_quiz_without_bytecode_cache_to_import_ipywidgets": round(t_uncached / t_widgets, 2),
        "first_quiz_from_yaml_ms": round(t_yaml * 1000, 1),
        "ratio_first_quiz_from_yaml_to_import_ipywidgets": round(t_yaml / t_widgets, 2),
        "target_ratio_import": TARGET_IMPORT,
        "target_ratio_first_quiz": TARGET_FIRST_QUIZ,
        "target_met_import": ratio_import <= TARGET_IMPORT,
        "target_met_first_quiz": ratio_first <= TARGET_FIRST_QUIZ,
    })


if __name__ == "__main__":
    main()
