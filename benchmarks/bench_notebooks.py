"""Execute all course notebooks as the tests do (nbclient, one kernel each, widget state stored).

Target: all notebooks / (as many bare `import jkquiz` notebooks) <= 4.0 — the course's own work
in a kernel (loading the bank ~0.4 s, importing matplotlib and drawing ~0.6-0.8 s, widgets) costs at
most three bare kernel starts, so the notebook tests stay far inside CI's 20 minutes on 2 cores.
Also printed: the wall time of each notebook and of all of them.
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import report  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
os.environ["JKQUIZ_HOME"] = tempfile.mkdtemp(prefix="jkquiz-bench-")  # progress out of the user's folder
os.environ.setdefault("JUPYTER_RUNTIME_DIR", tempfile.mkdtemp(prefix="jkquiz-bench-runtime-"))


def run(notebook: object, folder: Path) -> float:
    """Seconds to execute a copy of `notebook` in a fresh kernel."""
    from jkquiz.build_course.execute import execute

    start = time.perf_counter()
    execute(copy.deepcopy(notebook), folder)
    return time.perf_counter() - start


def main() -> None:
    import nbformat
    import nbformat.v4 as v4

    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    notebooks = [nbformat.read(str(p), as_version=4) for p in paths]
    bare = v4.new_notebook(cells=[v4.new_code_cell("import jkquiz")])
    bare.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        run(bare, work)  # warm the disk cache once, for both sides alike
        bare_times = [run(bare, work) for _ in range(3)]
        started = time.perf_counter()
        times = {p.stem: round(run(nb, work), 2) for p, nb in zip(paths, notebooks)}
        total = time.perf_counter() - started
    bare_kernel = min(bare_times)
    for name, seconds in times.items():
        print(f"  {name}: {seconds:.2f} s")
    report({
        "notebooks": len(paths),
        "all_notebooks_s": round(total, 2),
        "slowest_notebook_s": max(times.values()),
        "bare_kernel_s": round(bare_kernel, 2),
        "all_vs_bare_kernels": round(total / (bare_kernel * len(paths)), 2),
        "target_all_vs_bare_kernels": 4.0,
    })


if __name__ == "__main__":
    main()
