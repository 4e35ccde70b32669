"""Serve a built site folder on this computer (what any static host does), with the types browsers insist on."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".json": "application/json", ".whl": "application/zip", ".ipynb": "application/json"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files only; quiet unless asked."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    quiet = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        self.server.missing.append(f"{code} {self.path}")  # type: ignore[attr-defined]  # set by make_server
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        if not self.quiet:
            super().log_message(format, *args)


def make_server(folder: Path, port: int = 0, ip: str = "127.0.0.1", *, quiet: bool = True) -> http.server.ThreadingHTTPServer:
    """A server for `folder` on ip:port (port 0: a free one); start it with serve_forever()."""
    handler = type("Handler", (SiteHandler,), {"quiet": quiet})
    server = http.server.ThreadingHTTPServer((ip, port), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    server.missing = []  # type: ignore[attr-defined]  # "404 /path" of each failed request (tests read it)
    return server


def serve_in_background(folder: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` from a thread; the server and its address (http://127.0.0.1:PORT/)."""
    server = make_server(folder, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
