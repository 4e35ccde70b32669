"""Where a course server listens: the IP address, a free port, and the token any other address needs."""

from __future__ import annotations

import errno
import ipaddress
import secrets
import socket

from jkquiz.errors import JkquizError

LOOPBACK = "127.0.0.1"


class ServerError(JkquizError):
    """A course server could not be started or stopped as asked."""


class BadAddress(ServerError):
    """The address, port or token asked for cannot be used (a usage problem)."""


def resolve_token(ip: str, token: str | None) -> str:
    """The token every request must carry: the one given, else a generated one; never empty.

    Even on 127.0.0.1 a server without a token lets any other account on the same computer run
    code as the learner (it can read the page's _xsrf cookie and start a kernel).
    """
    if token is None:
        return secrets.token_urlsafe(24)
    if not token.strip():
        who = "anyone on the network" if ip != LOOPBACK else "any other program or account on this computer"
        raise BadAddress(
            f"a server without a token would let {who} run code as you; "
            "leave out --token to get a generated one, or give a non-empty token."
        )
    return token


def check_ip(ip: str) -> str:
    """The IP address to listen on, or a usage error for something that is not an IP address."""
    try:
        return str(ipaddress.ip_address(ip))
    except ValueError:
        raise BadAddress(f"{ip!r} is not an IP address (use 127.0.0.1, or 0.0.0.0 for every network).") from None


def port_free(ip: str, port: int) -> bool:
    """Whether a server could listen on ip:port now."""
    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Tornado does
        try:
            probe.bind((ip, port))
        except OSError as exc:
            if exc.errno == errno.EADDRNOTAVAIL:
                raise BadAddress(f"this computer has no network address {ip}.") from None
            return False
    return True


def choose_port(ip: str, requested: int | None, default: int, tries: int = 20) -> int:
    """The port asked for (an error if busy), else the first free one from `default`."""
    if requested is not None:
        if not 0 < requested < 65536:
            raise BadAddress(f"port {requested} is not a port number (1 to 65535).")
        if not port_free(ip, requested):
            free = next((p for p in range(requested + 1, min(requested + 1 + tries, 65536)) if port_free(ip, p)), None)
            advice = f"choose another port with --port {free}" if free else "choose another port with --port"
            raise ServerError(
                f"port {requested} on {ip} is already in use (is the course, or another Jupyter, "
                f"already running?). Stop that program, or {advice}."
            )
        return requested
    for port in range(default, default + tries):
        if port_free(ip, port):
            return port
    raise ServerError(f"ports {default} to {default + tries - 1} on {ip} are all in use; choose one with --port.")


def remote_notes(ip: str, what: str) -> list[str]:
    """What to tell whoever starts a server on an address other than 127.0.0.1."""
    if ip == LOOPBACK:
        return []
    notes = [f"Anyone who has this address, token included, can {what}: share it only with your class."]
    if ip in ("0.0.0.0", "::"):
        notes.append("On other computers, use this computer's network name or address instead of 127.0.0.1.")
    return notes
