"""jkquiz.serve's parts run in different processes and name each other only in strings and config files
(import-linter keeps them from importing each other): every such name must lead to what it names."""

from __future__ import annotations

import runpy
from pathlib import Path

from traitlets.config import Config
from traitlets.utils.importstring import import_item

from jkquiz.fonts import FONT_DIR
from jkquiz.serve.files import JUPYTER_CONFIG, JUPYTER_DATA
from jkquiz.serve.launcher.kernelspec import WARM_LINE, WARM_MODULE, write_kernelspec
from jkquiz.serve.launcher.paths import server_env


def test_the_kernelspec_warms_with_the_kernel_parts_function(tmp_path: Path) -> None:
    """The kernel evaluates WARM_LINE; without its final call it is the kernel part's warm function."""
    assert WARM_LINE.endswith(".warm()") and f"'{WARM_MODULE}'" in WARM_LINE
    warm = eval(WARM_LINE.removesuffix("()"))  # noqa: S307 - our own constant, as the kernel runs it
    assert warm.__module__ == "jkquiz.serve.kernel.warm" and callable(warm)
    spec = (write_kernelspec(tmp_path) / "kernel.json").read_text(encoding="utf-8")
    assert f"--IPKernelApp.exec_lines={WARM_LINE}" in spec.replace('\\"', '"')


def test_voilas_config_names_the_server_parts_hook_and_filter() -> None:
    """voila.py, as Voilà loads it: its prelaunch hook and page-frame filter come from the server part."""
    config = Config()
    runpy.run_path(str(JUPYTER_CONFIG / "voila.py"), init_globals={"get_config": lambda: config})
    hook = config.VoilaConfiguration.prelaunch_hook
    assert hook.__module__ == "jkquiz.serve.server.voila_hooks" and hook.__name__ == "set_xsrf_cookie"
    filters = config.VoilaExporter.filters
    assert set(filters) == {"jkquiz_text", "jkquiz_stylesheet"}
    text = import_item(filters["jkquiz_text"])
    assert text.__module__ == "jkquiz.serve.server.voila_text" and text("running") == "Running {title}…"
    assert import_item(filters["jkquiz_stylesheet"]).__module__ == "jkquiz.serve.server.voila_hooks"


def test_the_servers_jupyter_files_are_where_the_launcher_points() -> None:
    assert (JUPYTER_DATA / "voila" / "templates" / "jkquiz" / "index.html.j2").is_file()
    assert (JUPYTER_CONFIG / "voila.py").is_file()
    assert (JUPYTER_CONFIG / "labconfig" / "default_setting_overrides.json").is_file()
    assert FONT_DIR.is_relative_to(JUPYTER_DATA) and (FONT_DIR / "fonts.css").is_file()
    env = server_env({})
    assert env["JUPYTER_PATH"] == str(JUPYTER_DATA) and env["JUPYTER_CONFIG_PATH"] == str(JUPYTER_CONFIG)
