"""A stand-in for a JupyterHub and its learners' servers, for `jkquiz collect`'s unit tests.

It answers the two things collect asks, as a real hub does (checked by tests/hub/ against a real one):
GET /hub/api/users (paginated when asked with the pagination media type, two users per page here so
paging is exercised) and GET /user/<name>/api/contents/<path>?format=base64 through the proxy. Every
request needs the token in an `Authorization: token ...` header; each request is recorded.
"""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

PAGE = 2


@dataclass
class FakeLearner:
    name: str
    files: dict[str, bytes] = field(default_factory=dict)  # path in their home -> bytes
    running: bool = True
    broken: bool = False  # the server answers 503 (unreachable behind the proxy)
    refuses: bool = False  # the server answers 403 (not started by jkquiz.hub.start, or a token without access)
    pending: str | None = None


class FakeHub:
    def __init__(self, token: str = "collect-token") -> None:
        self.token = token
        self.learners: dict[str, FakeLearner] = {}
        self.requests: list[tuple[str, str]] = []  # (path, Authorization header)
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                hub.requests.append((self.path, self.headers.get("Authorization", "")))
                if "token=" in self.path:
                    return self._send(400, {"message": "tokens do not belong in URLs"})
                if self.headers.get("Authorization") != f"token {hub.token}":
                    return self._send(403, {"message": "Forbidden"})
                parts = urlsplit(self.path)
                if parts.path == "/hub/api/users":
                    return self._users(parse_qs(parts.query), self.headers.get("Accept", ""))
                if parts.path.startswith("/user/") and "/api/contents/" in parts.path:
                    name, rest = parts.path[len("/user/"):].split("/", 1)
                    return self._file(unquote(name), unquote(rest.split("api/contents/", 1)[1]))
                return self._send(404, {"message": "Not found"})

            def _users(self, query: dict[str, list[str]], accept: str) -> None:
                offset = int(query.get("offset", ["0"])[0])
                names = sorted(hub.learners)
                page = names[offset:offset + PAGE]
                items = [hub.model(n) for n in page]
                if "jupyterhub-pagination" not in accept:
                    return self._send(200, [hub.model(n) for n in names])
                following = {"offset": offset + PAGE, "limit": PAGE} if offset + PAGE < len(names) else None
                self._send(200, {"items": items, "_pagination": {"offset": offset, "limit": PAGE,
                                                                  "total": len(names), "next": following}})

            def _file(self, name: str, path: str) -> None:
                learner = hub.learners.get(name)
                if learner is None or not learner.running:
                    return self._send(424, {"message": "server not running"})
                if learner.broken:
                    return self._send(503, {"message": "Service Unavailable"})
                if learner.refuses:
                    return self._send(403, {"message": "Forbidden"})
                if path not in learner.files:
                    return self._send(404, {"message": f"No such file or directory: {path}"})
                self._send(200, {"name": path.rsplit("/", 1)[-1], "path": path, "type": "file", "format": "base64",
                                 "content": base64.b64encode(learner.files[path]).decode()})

            def _send(self, status: int, body: object) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def model(self, name: str) -> dict:
        learner = self.learners[name]
        servers = {}
        if learner.running or learner.pending:
            servers[""] = {"name": "", "ready": learner.running and not learner.pending,
                           "pending": learner.pending, "url": f"/user/{name}/"}
        return {"kind": "user", "name": name, "servers": servers}

    def __enter__(self) -> FakeHub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
