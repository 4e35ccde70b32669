"""The single-user servers' authorizer: the collector service reads progress files and nothing else.

JupyterHub's `access:servers` scope opens a whole server to whoever holds it (its kernels, terminals,
files). The instructor's collector needs one file per learner, so in every learner's server this
authorizer lets the `jkquiz-collect` service (or $JKQUIZ_COLLECT_SERVICE) only *read* through the
contents API, and only under the progress folder: it can never run code as the learner, nor read their
other files. Learners and other holders of access keep JupyterHub's usual permissions.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

from jkquiz.hub import COLLECT_SERVICE, PROGRESS_FOLDER


def collector_may(action: str, resource: str, request_path: str) -> bool:
    """Whether the collector may do `action` on `resource` at this URL path: read a progress file, only."""
    if action != "read" or resource != "contents":
        return False
    marker = "/api/contents/"
    if marker not in request_path:
        return False
    path = unquote(request_path.split(marker, 1)[1]).strip("/")
    parts = path.split("/")
    return len(parts) == 2 and parts[0] == PROGRESS_FOLDER and ".." not in parts


class CollectorReadsProgressOnly(JupyterHubAuthorizer):
    """JupyterHub's authorizer, narrowed for the collector service to reading the progress folder's files."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        if not super().is_authorized(handler, user, action, resource):
            return False
        hub_user = getattr(user, "hub_user", None) or {}
        if hub_user.get("kind") == "service" and hub_user.get("name") == os.environ.get(
                "JKQUIZ_COLLECT_SERVICE", COLLECT_SERVICE):
            allowed = collector_may(action, resource, handler.request.path)
            if not allowed:
                self.log.warning("jkquiz: refused %s %s to the collector service", action, handler.request.path)
            return allowed
        return True
