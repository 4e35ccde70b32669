"""`jkquiz site build DIR` and `jkquiz site serve DIR`: the course as a static site that runs in the browser."""

from __future__ import annotations

import argparse
from pathlib import Path

from jkquiz.cli import UsageError
from jkquiz.i18n import LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:
    """Add the site command and its build and serve actions."""
    site = sub.add_parser("site", help="the course as a static site (JupyterLite): no install, no server needed")
    actions = site.add_subparsers(dest="action", metavar="ACTION")
    build = actions.add_parser("build", help="build the site into DIR (from a checkout of the course; downloads "
                                             "Pyodide and wheels from the registries the first time)")
    build.add_argument("dir", metavar="DIR", help="folder to build into (replaced)")
    build.add_argument("--lang", choices=LANGUAGES, default=None,
                       help="the language the landing page speaks and opens the course in (default: $JKQUIZ_LANG, "
                            "else English); the lessons of every language built are in the site either way")
    build.add_argument("--bare", action="store_true",
                       help="build the benchmark's baseline instead: one notebook with one button, built the same way")
    build.set_defaults(func=run_build)
    serve = actions.add_parser("serve", help="serve a built site on this computer (127.0.0.1)")
    serve.add_argument("dir", metavar="DIR", help="the built site")
    serve.add_argument("--port", type=int, default=8000, metavar="N", help="port to listen on (default 8000)")
    serve.set_defaults(func=run_serve)
    site.set_defaults(func=lambda _args: site.print_help() or 2)


def run_build(args: argparse.Namespace) -> int:
    """Build the site."""
    from jkquiz.datafiles import CHECKOUT
    from jkquiz.site.build import build_bare_site, build_site

    if not (CHECKOUT / "site" / "requirements.txt").is_file():
        raise UsageError("the site is built from a checkout of the course (it needs site/package.json and "
                         "site/requirements.txt): clone it, then run `python3 course.py site`")
    cache = CHECKOUT / "build" / "site-cache"
    if args.lang:
        from jkquiz.i18n import set_language

        set_language(args.lang)
    if args.bare:
        build_bare_site(Path(args.dir), cache=cache)
    else:
        build_site(Path(args.dir), cache=cache, say=lambda text: print(f"[site] {text}"))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Serve a built site until Ctrl-C."""
    from jkquiz.site.serve import make_server

    folder = Path(args.dir)
    if not (folder / "index.html").is_file():
        raise UsageError(f"{folder} is not a built site (no index.html): build it with `jkquiz site build {folder}`")
    if not 0 < args.port < 65536:
        raise UsageError(f"{args.port} is not a port number (1 to 65535)")
    try:
        server = make_server(folder, args.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{args.port} ({exc.strerror or exc}); try another --port") from None
    print(f"The course is at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
