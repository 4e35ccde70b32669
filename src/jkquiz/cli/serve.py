"""`jkquiz lab` and `jkquiz app`: start the course in JupyterLab or as a web app, in the foreground."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from jkquiz.errors import UsageError


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


def _common(parser: argparse.ArgumentParser, default_port: int) -> None:
    parser.add_argument("--port", type=_port, metavar="N",
                        help=f"port to listen on (default: {default_port}, or the next free one)")
    parser.add_argument("--ip", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this computer only); any other needs a token")
    parser.add_argument("--token", metavar="TOKEN",
                        help="password-like key in the address; generated when --ip is not 127.0.0.1 and none is given")
    parser.add_argument("--no-browser", action="store_true", help="print the address but do not open a browser")
    parser.add_argument("--notebooks", metavar="DIR", help="folder of the lesson notebooks (default: the course's)")
    parser.add_argument("--lang", choices=("en", "ko", "ja"),
                        help="the course in English, Korean (ko) or Japanese (ja): that language's lessons, quizzes "
                             "and JupyterLab's menus (default: English lessons, quizzes in the learner's chosen language)")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the lab and app commands."""
    lab = sub.add_parser("lab", help="open the course in JupyterLab (00-start-here.ipynb first)")
    _common(lab, 8888)
    lab.set_defaults(func=run_lab)
    app = sub.add_parser("app", help="serve the course as a web app (Voilà): contents, lessons, quizzes; no code")
    _common(app, 8866)
    app.set_defaults(func=run_app)


def _serve(planner: Callable[..., Any], args: argparse.Namespace) -> int:
    from jkquiz.serve.launcher.address import BadAddress
    from jkquiz.serve.launcher.supervise import serve

    try:
        launch = planner(notebooks=args.notebooks, ip=args.ip, port=args.port, token=args.token, lang=args.lang)
    except BadAddress as exc:
        raise UsageError(str(exc)) from None
    return serve(launch, open_browser=not args.no_browser)


def run_lab(args: argparse.Namespace) -> int:
    """Start JupyterLab on the course."""
    from jkquiz.serve.launcher.lab import plan_lab

    return _serve(plan_lab, args)


def run_app(args: argparse.Namespace) -> int:
    """Start the course app."""
    from jkquiz.serve.launcher.app import plan_app

    return _serve(plan_app, args)
