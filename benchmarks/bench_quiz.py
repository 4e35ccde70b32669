"""Build a 10-question quiz widget; `import jkquiz` time as a ratio to `import ipywidgets`.

Target: import jkquiz / import ipywidgets <= 1.3 (each in a fresh interpreter, best of several).
Also printed, for honesty: the first quiz of a kernel (import + bank load + widget) next to the
same import of ipywidgets, since `import jkquiz` itself defers its imports to first use (target
<= 1.5). The bank is loaded compiled (JSON, see jkquiz.bank.compiled); the same first quiz with the
YAML loaded instead (no compiled bank can be written) is printed beside it.
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
# quizzes record answers: keep the benchmark's progress file out of the user's data folder
os.environ["JKQUIZ_HOME"] = tempfile.mkdtemp(prefix="jkquiz-bench-")


def fresh(code: str, env: dict[str, str] | None = None) -> float:
    """Seconds a fresh interpreter spends running `code` (measured inside it, excluding start-up)."""
    wrapped = f"import time; _t = time.perf_counter()\n{code}\nprint(time.perf_counter() - _t)"
    out = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True, check=True, env=env).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    import jkquiz

    bank = jkquiz.load_bank()
    topic = next(iter(bank.topics))
    jkquiz.quiz(topic, n=10, bank=bank)  # warm: ipywidgets imported once
    build = best_of(lambda: jkquiz.quiz(topic, n=10, bank=bank), 10)

    t_widgets = min(fresh("import ipywidgets") for _ in range(RUNS))
    t_jkquiz = min(fresh("import jkquiz") for _ in range(RUNS))
    t_first = min(fresh(f"import jkquiz; jkquiz.quiz({topic!r}, n=10)") for _ in range(3))
    no_cache = Path(tempfile.mkdtemp(prefix="jkquiz-bench-yaml-"))
    (no_cache / "cache").write_text("a file where the compiled bank's folder would be: YAML every time")
    yaml_env = {**os.environ, "JKQUIZ_HOME": str(no_cache)}
    t_yaml = min(fresh(f"import jkquiz; jkquiz.quiz({topic!r}, n=10)", yaml_env) for _ in range(3))
    report({
        "build_10_question_quiz_ms": round(build * 1000, 1),
        "import_ipywidgets_ms": round(t_widgets * 1000, 1),
        "import_jkquiz_ms": round(t_jkquiz * 1000, 1),
        "ratio_import_jkquiz_to_ipywidgets": round(t_jkquiz / t_widgets, 3),
        "first_quiz_in_fresh_kernel_ms": round(t_first * 1000, 1),
        "ratio_first_quiz_to_import_ipywidgets": round(t_first / t_widgets, 2),
        "first_quiz_from_yaml_ms": round(t_yaml * 1000, 1),
        "ratio_first_quiz_from_yaml_to_import_ipywidgets": round(t_yaml / t_widgets, 2),
        "target_ratio_import": 1.3,
        "target_ratio_first_quiz": 1.5,
    })


if __name__ == "__main__":
    main()
