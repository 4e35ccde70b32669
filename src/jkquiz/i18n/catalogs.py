"""The message catalogs: locale/<lang>/LC_MESSAGES/jkquiz.po in the package, compiled to .mo when first needed.

A compiled catalog is named by a hash of its .po file, so an edited translation is never shown stale. It is
looked for inside the package first (jkquiz/_data/compiled, where the static site's wheel carries it), then in
the cache ($JKQUIZ_HOME/cache, else the user's cache folder); without one the .po is compiled with Babel and
written to the cache (kept in memory when the cache cannot be written). Without Babel and without a compiled
catalog (never on an installed course) the interface stays in English.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
import tempfile
from functools import lru_cache
from pathlib import Path

__all__ = ["DOMAIN", "catalog_key", "compile_po", "compiled_name", "po_path", "translations"]

DOMAIN = "jkquiz"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
PREFIX = "messages-"


def po_path(lang: str) -> Path:
    """The translator's file for `lang`."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_key(po: bytes) -> str:
    """Hash of a .po file's bytes: names its compiled catalog."""
    return hashlib.sha256(b"jkquiz-messages 1\n" + po).hexdigest()[:24]


def compiled_name(lang: str, key: str) -> str:
    """The file name of `lang`'s compiled catalog for a .po with `key`."""
    return f"{PREFIX}{lang}-{key}.mo"


def packaged_dir() -> Path:
    """Where a build puts compiled catalogs inside the package (beside the compiled bank)."""
    return PACKAGE_DIR / "_data" / "compiled"


def cache_dir() -> Path:
    """Where compiled catalogs are written: $JKQUIZ_HOME/cache when set, else the user's cache folder."""
    home = os.environ.get("JKQUIZ_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("jkquiz", appauthor=False)


def compile_po(po: bytes) -> bytes:
    """A .po file's bytes compiled to .mo bytes with Babel (fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po))
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _write(folder: Path, name: str, data: bytes) -> None:
    """Write `data` as folder/name atomically, and remove older catalogs of the same language."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".messages-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    lang = name[len(PREFIX):].split("-")[0]
    for old in folder.glob(f"{PREFIX}{lang}-*.mo"):
        if old.name != name:
            old.unlink(missing_ok=True)


def _compiled(lang: str) -> bytes | None:
    """`lang`'s compiled catalog: shipped, cached, or compiled now; None when there is none to be had."""
    try:
        po = po_path(lang).read_bytes()
    except OSError:
        return None
    name = compiled_name(lang, catalog_key(po))
    for folder in (packaged_dir(), cache_dir()):
        try:
            return (folder / name).read_bytes()
        except OSError:
            continue
    try:
        data = compile_po(po)
    except ImportError:  # no Babel (a browser without a shipped catalog): English
        return None
    try:
        _write(cache_dir(), name, data)
    except OSError:
        pass  # a read-only cache only costs compiling again in the next process
    return data


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The translations for `lang` (English, the messages' own language, has none)."""
    if lang == "en":
        return gettext.NullTranslations()
    data = _compiled(lang)
    if data is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))
