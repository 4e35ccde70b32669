"""`jkquiz lab` and `jkquiz app` from the command line: addresses, tokens, clear errors, clean Ctrl-C.

Servers are started as a learner starts them (the console script), over plain HTTP: no browser.
"""

from __future__ import annotations

import http.cookiejar
import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from course_servers import CourseServer, clear_outputs, jkquiz_command

from jkquiz.serve.launcher.app import build_site, contents_notebook
from jkquiz.serve.contents import Entry, Score, contents_html
from jkquiz.serve.launcher.kernelspec import WARM_LINE

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course's notebooks, outputs cleared."""
    target = tmp_path_factory.mktemp("course") / "notebooks"
    clear_outputs(ROOT / "notebooks", target)
    return target


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `jkquiz ARGS` to its end."""
    return subprocess.run([*jkquiz_command(), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def status(url: str) -> int:
    """The HTTP status of a GET (redirects not followed)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def stop_cleanly(server: CourseServer) -> None:
    """Ctrl-C ends jkquiz with exit code 0, a plain message and every process it started."""
    survivors = server.stop()
    assert server.returncode == 0, server.output()
    assert "is shut down" in server.output() and "Traceback" not in server.output()
    assert not survivors, f"processes outlived Ctrl-C: {survivors}"


# --- expected problems: a message, no traceback, the documented exit code ---------------------------
def _two_busy_ports() -> tuple[socket.socket, socket.socket, int]:
    """Two listening sockets on consecutive ports, and the first port."""
    for _ in range(50):
        first = socket.socket()
        first.bind(("127.0.0.1", 0))
        port = first.getsockname()[1]
        second = socket.socket()
        try:
            second.bind(("127.0.0.1", port + 1))
        except OSError:
            first.close()
            second.close()
            continue
        first.listen()
        second.listen()
        return first, second, port
    pytest.fail("found no two consecutive free ports")


def test_busy_port_message_suggests_a_port_that_is_free(notebooks: Path) -> None:
    first, second, port = _two_busy_ports()
    with first, second:
        result = run_cli("app", "--no-browser", "--notebooks", str(notebooks), "--port", str(port))
        suggested = int(result.stderr.rsplit("--port ", 1)[1].split(".")[0])
        assert result.returncode == 1 and f"port {port} on 127.0.0.1 is already in use" in result.stderr
        assert suggested > port + 1, "port + 1 is busy too: it must not be suggested"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", suggested))  # the suggested port is really free


def test_a_vanished_pages_kernel_is_culled(notebooks: Path, tmp_path: Path) -> None:
    """A page that never says goodbye (a crashed browser) leaves an idle, unconnected kernel: it is ended.
    The course's settings cull after 540 s idle, checked every 60 s; the test shortens both."""
    server = CourseServer("app", notebooks, tmp_path, env={"JKQUIZ_CULL_IDLE_SECONDS": "4",
                                                           "JKQUIZ_CULL_INTERVAL_SECONDS": "1"}).start()
    try:
        assert status(server.at("/voila/render/02-normalization.ipynb")) == 200  # runs the lesson; no page stays
        assert server.kernels() >= 1
        assert server.wait_kernels(at_most=0, timeout=60) == 0
    finally:
        stop_cleanly(server)


def test_the_course_culls_within_ten_minutes() -> None:
    config = (ROOT / "src" / "jkquiz" / "serve" / "server" / "jupyter" / "config" / "voila.py").read_text(encoding="utf-8")
    idle = int(config.split('"JKQUIZ_CULL_IDLE_SECONDS", "')[1].split('"')[0])
    interval = int(config.split('"JKQUIZ_CULL_INTERVAL_SECONDS", "')[1].split('"')[0])
    assert idle + interval <= 600
    assert "c.MappingKernelManager.cull_connected = False" in config  # an open page's kernel is never culled
@pytest.mark.parametrize("command", ["lab", "app"])
def test_port_in_use_is_a_clear_error(command: str, notebooks: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli(command, "--no-browser", "--notebooks", str(notebooks), "--port", str(port))
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"--port {port + 1}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("command", ["lab", "app"])
def test_missing_notebooks_is_a_clear_error(command: str, tmp_path: Path) -> None:
    result = run_cli(command, "--no-browser", "--notebooks", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "the course's notebooks were not found" in result.stderr
    result = run_cli(command, "--no-browser", "--notebooks", str(tmp_path))
    assert result.returncode == 1
    assert f"no lesson notebooks (named like 01-topic.ipynb) in {tmp_path}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--ip", "0.0.0.0", "--token", ""], "without a token would let anyone on the network run code"),
    (["--ip", "localhostt"], "'localhostt' is not an IP address"),
    (["--port", "70000"], "70000 is not a port number"),
])
def test_bad_address_is_a_usage_error(args: list[str], message: str, notebooks: Path) -> None:
    result = run_cli("app", "--no-browser", "--notebooks", str(notebooks), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# --- tokens ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def second_loopback() -> str:
    """127.0.0.2: an address other than 127.0.0.1 that stays on this machine (Linux routes all 127/8)."""
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.2", 0))
    except OSError:
        pytest.skip("this system cannot listen on 127.0.0.2 (only Linux routes all of 127.0.0.0/8)")
    return "127.0.0.2"


@pytest.mark.parametrize(("command", "protected"), [
    ("lab", "/api/contents"),
    ("app", "/voila/render/index.ipynb"),
])
def test_other_address_gets_a_generated_token_and_refuses_requests_without_it(
    command: str, protected: str, notebooks: Path, second_loopback: str, tmp_path: Path
) -> None:
    server = CourseServer(command, notebooks, tmp_path, "--ip", second_loopback).start()
    try:
        assert server.origin == f"http://{second_loopback}:{server.url.split(':')[2].split('/')[0]}"
        token = server.url.split("?token=")[1]
        assert "Anyone who has this address, token included, can" in server.output()
        assert len(token) >= 32, "the printed address carries a generated token"
        refused = status(server.origin + protected)
        assert refused in (302, 401, 403), f"a request without the token got {refused}"
        assert status(f"{server.origin}{protected}?token=wrong-{token}") in (302, 401, 403)
        assert status(f"{server.origin}{protected}?token={token}") == 200
    finally:
        stop_cleanly(server)


def test_given_token_is_used(notebooks: Path, second_loopback: str, tmp_path: Path) -> None:
    server = CourseServer("app", notebooks, tmp_path, "--ip", second_loopback, "--token", "classroom-7f3a9c").start()
    try:
        assert server.url.endswith("?token=classroom-7f3a9c")
        assert status(server.origin + "/voila/render/index.ipynb") in (302, 401, 403)
    finally:
        stop_cleanly(server)


@pytest.mark.parametrize(("command", "protected"), [
    ("lab", "/api/contents"),
    ("app", "/voila/render/02-normalization.ipynb"),
])
def test_loopback_also_needs_the_token(command: str, protected: str, notebooks: Path, tmp_path: Path) -> None:
    """Another account on the same computer reaches 127.0.0.1 too: without the token it gets nothing."""
    server = CourseServer(command, notebooks, tmp_path).start()
    try:
        assert server.url.startswith("http://127.0.0.1:") and f"token={server.token}" in server.url
        assert len(server.token) >= 32, "the printed and opened address carries a generated token"
        assert status(server.origin + protected) in (302, 401, 403)
        assert status(server.at(protected)) == 200
        if command == "lab":  # the attack that worked: take the _xsrf cookie from /lab, then start a kernel
            cookies = http.cookiejar.CookieJar()
            stranger = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
            stranger.open(server.origin + "/lab", timeout=60).close()
            xsrf = next((c.value for c in cookies if c.name == "_xsrf"), "")
            request = urllib.request.Request(server.origin + "/api/kernels", data=b"{}", method="POST",
                                             headers={"Content-Type": "application/json", "X-XSRFToken": xsrf})
            with pytest.raises(urllib.error.HTTPError) as refused:
                stranger.open(request, timeout=60)
            assert refused.value.code == 403
            assert server.kernels() == 0
    finally:
        stop_cleanly(server)


def test_an_empty_token_is_refused_on_loopback_too(notebooks: Path) -> None:
    result = run_cli("lab", "--no-browser", "--notebooks", str(notebooks), "--token", "")
    assert result.returncode == 2
    assert "a server without a token would let any other program or account on this computer run code" in result.stderr


# --- Ctrl-C ends the server and its kernels ------------------------------------------------------------
def test_ctrl_c_shuts_down_the_app_and_its_kernels(notebooks: Path, tmp_path: Path) -> None:
    server = CourseServer("app", notebooks, tmp_path).start()
    try:
        assert server.url.startswith("http://127.0.0.1:") and len(server.token) >= 32
        assert status(server.at("/voila/render/02-normalization.ipynb")) == 200  # runs the lesson
        assert status(server.at("/voila/render/instructor/add-questions.ipynb")) == 404  # not a course page
        assert server.kernels() >= 1
    finally:
        stop_cleanly(server)


def test_ctrl_c_shuts_down_jupyterlab_and_its_kernels(notebooks: Path, tmp_path: Path) -> None:
    server = CourseServer("lab", notebooks, tmp_path).start()
    try:
        assert server.url.endswith(f"/lab/tree/00-start-here.ipynb?token={server.token}")
        cookies = http.cookiejar.CookieJar()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
        browser.open(server.url, timeout=60).close()  # the page sets the _xsrf cookie a POST must echo
        xsrf = next(c.value for c in cookies if c.name == "_xsrf")
        request = urllib.request.Request(server.origin + "/api/kernels", data=b"{}", method="POST",
                                         headers={"Content-Type": "application/json", "X-XSRFToken": xsrf})
        with browser.open(request, timeout=60) as response:
            assert json.load(response)["name"] == "python3"
        assert server.kernels() == 1
        kernel = next(p for p in server.processes() if "ipykernel_launcher" in " ".join(p.cmdline()))
        # jkquiz's own kernelspec: this Python, the bank loaded as the kernel starts
        assert Path(kernel.cmdline()[0]).resolve() == Path(sys.executable).resolve()
        assert any(WARM_LINE in part for part in kernel.cmdline())
    finally:
        stop_cleanly(server)


def test_lab_hides_the_news_toast_through_its_own_settings(notebooks: Path, tmp_path: Path) -> None:
    server = CourseServer("lab", notebooks, tmp_path).start()
    try:
        url = server.at("/lab/api/settings/@jupyterlab/apputils-extension:notification")
        with urllib.request.urlopen(url, timeout=60) as response:
            defaults = {k: v.get("default") for k, v in json.load(response)["schema"]["properties"].items()}
        assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False  # JupyterLab: "none", true
        url = server.at("/lab/api/settings/@jupyterlab/notebook-extension:tracker")
        with urllib.request.urlopen(url, timeout=60) as response:
            windowing = json.load(response)["schema"]["properties"]["windowingMode"]["default"]
        # every cell of a lesson stays in the page (JupyterLab's "full" windowing detaches cells out of view,
        # which moves a quiz under a learner's click and hides it from find-in-page and screen readers)
        assert windowing == "defer"
    finally:
        stop_cleanly(server)
    assert not any((tmp_path / "jupyter_config_dir").rglob("*.json")), "nothing is written to the learner's config"


# --- the app's pages, built without a server ----------------------------------------------------------
def test_site_has_contents_and_lessons_without_outputs(tmp_path: Path) -> None:
    site = build_site(ROOT / "notebooks", tmp_path / "site")
    assert json.loads((site / "index.ipynb").read_text(encoding="utf-8")) == contents_notebook()
    lesson = json.loads((site / "02-normalization.ipynb").read_text(encoding="utf-8"))
    assert lesson["metadata"]["title"] == "Normalization, 1965"
    assert all(c.get("outputs") == [] for c in lesson["cells"] if c["cell_type"] == "code")
    sources = ["".join(c["source"]) for c in lesson["cells"]]
    navigation = [text for text in sources if text.startswith("<!-- navigation")]
    assert navigation and all("[Contents](index.ipynb)" in n and "00-start-here" not in n for n in navigation)
    assert not (site / "src").exists()
    course = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.ipynb")) == sorted([*course, "index.ipynb"])


def test_contents_html_escapes_and_links() -> None:
    entry = Entry("02-x y.ipynb", "Treaty <1965> & after", ("Explain <b>Article II</b>",), 12, "normalization")
    html = contents_html([entry, Entry("00-start-here.ipynb", "Start here")], {"normalization": Score(3, 4, 26)})
    assert '<a href="02-x%20y.ipynb" target="_self">Treaty &lt;1965&gt; &amp; after</a>' in html
    assert "<li>Explain &lt;b&gt;Article II&lt;/b&gt;</li>" in html
    assert "About 12 minutes · Your score so far: " in html
    assert "3 of 4 answers right (4 of 26 questions tried)" in html
    assert html.count("Your score so far") == 1  # pages without a topic have no score
    assert str(Score(1, 1, 26)) == "1 of 1 answer right (1 of 26 questions tried)"
    assert str(Score(0, 0, 26)) == "not started"
