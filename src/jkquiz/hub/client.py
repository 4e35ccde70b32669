"""A small client of a JupyterHub's REST API and of its single-user servers' contents API (standard library only)."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jkquiz.errors import JkquizError

PAGE = 200  # users asked for per request (the hub caps pages at its own maximum)


class HubError(JkquizError):
    """The hub could not be reached, or refused the token."""


class NotFound(Exception):
    """The server answered 404: no such file."""


@dataclass(frozen=True)
class HubUser:
    """A user of the hub and their default server: its URL path when running and ready, else None."""

    name: str
    server: str | None
    pending: str | None = None


class HubClient:
    """Talks to one hub with one token (sent in a header, never in a URL)."""

    def __init__(self, url: str, token: str, timeout: float = 30.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise HubError(f"the hub's address should look like https://hub.example.org, not {url!r}")
        self.base = url.rstrip("/")  # the hub's address, with its base URL (e.g. https://uni.example/jupyter)
        if self.base.endswith("/hub"):
            self.base = self.base[: -len("/hub")]
        self.origin = f"{parts.scheme}://{parts.netloc}"  # servers' URLs from the API are paths from here
        self.token, self.timeout = token, timeout

    def _get(self, url: str, accept: str = "application/json") -> tuple[int, bytes]:
        request = urllib.request.Request(url, headers={"Authorization": f"token {self.token}",
                                                                    "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def users(self) -> Iterator[HubUser]:
        """Every user the token may list, page by page, with their default server."""
        offset = 0
        while True:
            query = urlencode({"offset": offset, "limit": PAGE})
            try:
                status, body = self._get(f"{self.base}/hub/api/users?{query}",
                                         "application/jupyterhub-pagination+json")
            except (urllib.error.URLError, OSError) as exc:
                raise HubError(f"the hub at {self.base} could not be reached ({_reason(exc)}). "
                               "Check the address, and that the hub is running.") from exc
            if status in (401, 403):
                raise HubError(f"the hub at {self.base} refused the token (HTTP {status}). Use the token of the "
                               "jkquiz-collect service (see hub/README.md), with the scopes listed there.")
            if status != 200:
                raise HubError(f"the hub at {self.base} answered HTTP {status} when asked for its users.")
            page = _json(body)
            items = page.get("items", page) if isinstance(page, dict) else page
            if not isinstance(items, list):
                raise HubError(f"the hub at {self.base} answered something that is not a list of users.")
            for item in items:
                yield _user(item)
            following = page.get("_pagination", {}).get("next") if isinstance(page, dict) else None
            if not following:
                return
            offset = int(following.get("offset", offset + len(items)))

    def server_url(self, server: str) -> str:
        """The full address of a server whose URL the hub gave (a path, base URL included, or a full URL)."""
        if urlsplit(server).scheme:
            return server.rstrip("/")
        return self.origin + "/" + server.strip("/")

    def read_file(self, server: str, path: str) -> bytes:
        """A file's bytes from a learner's server (contents API); NotFound when it is not there."""
        query = urlencode({"type": "file", "format": "base64", "content": 1})
        status, body = self._get(f"{self.server_url(server)}/api/contents/{quote(path)}?{query}")
        if status == 404:
            raise NotFound(path)
        if status == 403:
            raise OSError("it refused the token (HTTP 403): does the token's role have access:servers, and does "
                          "the server start with `python -m jkquiz.hub.start`?")
        if status != 200:
            raise OSError(f"the server answered HTTP {status}")
        model = _json(body)
        if not isinstance(model, dict) or model.get("format") != "base64":
            raise OSError("the server's answer was not a file")
        return base64.b64decode(model.get("content") or "")


def _user(item: Any) -> HubUser:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise HubError("the hub listed a user without a name; is this a JupyterHub?")
    server = (item.get("servers") or {}).get("")
    url = server.get("url") if isinstance(server, dict) and server.get("ready") else None
    pending = server.get("pending") if isinstance(server, dict) else item.get("pending")
    return HubUser(item["name"], url, pending)


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "reason", None) or exc)
