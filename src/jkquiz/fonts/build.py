"""Regenerate the CJK font subsets from the pinned npm packages: `python -m jkquiz.fonts build`.

1. `npm ci` in tools/fonts/ installs the whole Noto Sans KR and Noto Sans JP TTFs at the versions
   pinned in its package-lock.json (nothing but the package registry is needed).
2. Every Hangul, Kana, Han and CJK punctuation character in the bank, the lessons, their translations and
   the interface catalogs (SOURCES) is collected (`used_characters`).
3. fontTools subsets the Regular weights: Hangul from KR, the rest from JP (KR for a Han character JP
   lacks); hinting and vertical metrics dropped, names changed to "jkquiz Noto Sans KR/JP" (a modified
   version under the OFL; the Reserved Font Name "Source" is not used), timestamps kept, so a rebuild
   from the same inputs gives the same bytes.
4. Each subset is written as WOFF2 (web pages) and TTF (matplotlib) to jkquiz.fonts.FONT_DIR, with
   fonts.json (files, glyph counts, CSS unicode-range) and the fonts' OFL.txt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jkquiz.fonts import FONT_DIR, LICENSE, MANIFEST, font_face_css, jupyter_font_css
from jkquiz.fonts import faces as committed_faces

STYLESHEET = FONT_DIR / "fonts.css"  # linked by the jkquiz Voilà template; URLs relative to itself

ROOT = Path(__file__).resolve().parents[3]  # src/jkquiz/fonts/ -> the repository
NPM_DIR = ROOT / "tools" / "fonts"
SOURCES = ("data/bank/*.yaml", "data/bank/*/*.yaml", "notebooks/src/*.md", "notebooks/src/*/*.md",  # translations too
           "src/jkquiz/i18n/locale/*/LC_MESSAGES/*.po")  # and the interface

HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF))
KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF65, 0xFF9F))
HAN = ((0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
PUNCTUATION = ((0x3000, 0x303F), (0x3200, 0x32FF), (0xFF00, 0xFF64), (0xFFE0, 0xFFEF))  # 、。「」（）０ …

# name: (npm package, TTF inside it, family written into the subset)
FACES = {
    "kr": ("@expo-google-fonts/noto-sans-kr", "400Regular/NotoSansKR_400Regular.ttf", "jkquiz Noto Sans KR"),
    "jp": ("@expo-google-fonts/noto-sans-jp", "400Regular/NotoSansJP_400Regular.ttf", "jkquiz Noto Sans JP"),
}


class FontBuildError(Exception):
    """The subsets could not be made (npm missing, a glyph in neither font)."""


def _in(code: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def needs_cjk_font(char: str) -> bool:
    """Whether the character is Hangul, Kana, Han or CJK punctuation: what the subsets must hold."""
    code = ord(char)
    return any(_in(code, ranges) for ranges in (HANGUL, KANA, HAN, PUNCTUATION))


def is_hangul(char: str) -> bool:
    return _in(ord(char), HANGUL)


def source_files(root: Path = ROOT) -> list[Path]:
    """The files whose characters the subsets must cover."""
    return sorted(p for pattern in SOURCES for p in root.glob(pattern))


def used_characters(files: Iterable[Path]) -> dict[str, Path]:
    """Each CJK character used in `files`, with the first file it appears in."""
    found: dict[str, Path] = {}
    for path in files:
        for char in path.read_text(encoding="utf-8"):
            if needs_cjk_font(char):
                found.setdefault(char, path)
    return found


def covered(kind: str = "woff2") -> dict[str, set[int]]:
    """The code points each committed subset (its `kind` file: woff2 or ttf) can draw, by face name."""
    from fontTools.ttLib import TTFont

    return {face["name"]: set(TTFont(str(FONT_DIR / face[kind]), lazy=True).getBestCmap()) for face in committed_faces()}


def missing_characters(files: Iterable[Path]) -> dict[str, Path]:
    """Characters used in `files` that no committed subset (web or matplotlib) can draw, with where they are."""
    cmaps = [covered("woff2"), covered("ttf")]
    return {char: path for char, path in used_characters(files).items()
            if any(not any(ord(char) in codes for codes in cmap.values()) for cmap in cmaps)}


def install_sources() -> Path:
    """`npm ci` in tools/fonts/ (skipped when node_modules matches the lock); the node_modules folder."""
    lock = NPM_DIR / "package-lock.json"
    modules = NPM_DIR / "node_modules"
    stamp = modules / ".jkquiz-installed"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return modules
    npm = shutil.which("npm")
    if not npm:
        raise FontBuildError("npm is needed to fetch the pinned Noto Sans KR/JP packages: install Node.js and npm "
                             "(e.g. `sudo apt-get install npm`), then run this again.")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], cwd=NPM_DIR,
                   check=True)
    stamp.write_text(digest)
    return modules


def _ranges(codes: Iterable[int]) -> str:
    """A CSS unicode-range for the code points, consecutive ones joined."""
    spans: list[list[int]] = []
    for code in sorted(codes):
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in spans)


def _blocks(ranges: Iterable[tuple[int, int]]) -> str:
    return ", ".join(f"U+{a:X}-{b:X}" for a, b in ranges)


def _rename(font: Any, family: str, source: str) -> None:
    """The subset's own names (family, full name, PostScript name), so it never passes for the whole font."""
    name = font["name"]
    postscript = family.replace(" ", "") + "-Regular"
    for record_id in (16, 17, 21, 22):
        name.removeNames(nameID=record_id)
    for record_id, text in ((1, family), (2, "Regular"), (3, f"{postscript};jkquiz subset"), (4, f"{family} Regular"),
                            (6, postscript), (10, f"A subset of {source} for the jkquiz course: only the glyphs it uses.")):
        name.setName(text, record_id, 3, 1, 0x409)
        name.setName(text, record_id, 1, 0, 0)


def _subset(path: Path, chars: set[str], family: str, source: str, flavor: str | None) -> tuple[bytes, Any]:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = flavor
    options.hinting = False
    options.notdef_outline = True  # .notdef keeps its box: what a missing glyph looks like
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["BASE", "STAT", "vhea", "vmtx", "VORG"]
    options.layout_features = ["ccmp", "kern", "palt", "halt"]  # horizontal text only: no vertical forms
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    _rename(font, family, source)
    font.flavor = flavor
    import io

    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue(), font


def build(root: Path = ROOT, out: Path = FONT_DIR) -> dict[str, Any]:
    """Make the subsets and their manifest from the pinned packages; the manifest."""
    from fontTools.ttLib import TTFont

    modules = install_sources()
    used = used_characters(source_files(root))
    cmaps = {}
    for key, (package, ttf, _family) in FACES.items():
        cmaps[key] = set(TTFont(str(modules / package / ttf), lazy=True).getBestCmap())
    wanted: dict[str, set[str]] = {"kr": set(), "jp": set()}
    borrowed: dict[str, set[str]] = {"kr": set(), "jp": set()}
    missing = []
    for char, where in sorted(used.items()):
        first = "kr" if is_hangul(char) else "jp"
        second = "jp" if first == "kr" else "kr"
        if ord(char) in cmaps[first]:
            wanted[first].add(char)
        elif ord(char) in cmaps[second]:
            wanted[second].add(char)
            borrowed[second].add(char)
        else:
            missing.append(f"{char} (U+{ord(char):04X}, first in {where.relative_to(root)})")
    if missing:
        raise FontBuildError("neither Noto Sans KR nor JP has: " + "; ".join(missing))
    out.mkdir(parents=True, exist_ok=True)
    version = {p: json.loads((modules / p / "package.json").read_text())["version"] for p, _, _ in FACES.values()}
    faces = []
    for key, (package, ttf, family) in FACES.items():
        source = f"{package}@{version[package]} {Path(ttf).name}"
        stem = family.replace("jkquiz ", "").replace(" ", "") + "-jkquiz"
        for flavor, suffix in ((None, "ttf"), ("woff2", "woff2")):
            data, font = _subset(modules / package / ttf, wanted[key], family, source, flavor)
            (out / f"{stem}.{suffix}").write_bytes(data)
        faces.append({
            "name": family, "script": "Hangul" if key == "kr" else "Kana, Han and CJK punctuation",
            "source": source, "ttf": f"{stem}.ttf", "woff2": f"{stem}.woff2",
            "characters": len(wanted[key]), "glyphs": len(font.getGlyphOrder()),
            # The script's whole blocks (short CSS), plus any character borrowed from the other font.
            "unicode_range": ", ".join(filter(None, [_blocks(HANGUL if key == "kr" else KANA + HAN + PUNCTUATION),
                                                     _ranges(ord(c) for c in borrowed[key])])),
        })
    shutil.copyfile(modules / FACES["kr"][0] / "LICENSE_FONT", LICENSE)
    manifest = {"about": "Made by `python -m jkquiz.fonts build`; do not edit.", "faces": faces}
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    committed_faces.cache_clear()
    STYLESHEET.write_text(stylesheet(), encoding="utf-8")
    return manifest


def stylesheet() -> str:
    """fonts.css: the @font-face rules (files beside it) and JupyterLab's font variables with the course's font."""
    return f"/* Made by `python -m jkquiz.fonts build`. */\n{font_face_css('')}\n{jupyter_font_css()}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jkquiz.fonts", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "check"],
                        help="build: regenerate the subsets; check: list characters the committed subsets lack")
    args = parser.parse_args(argv)
    if args.action == "check":
        lacking = missing_characters(source_files())
        for char, path in sorted(lacking.items()):
            print(f"{path.relative_to(ROOT)}: {char} (U+{ord(char):04X}) is not in the font subsets")
        if lacking:
            print("Run `python -m jkquiz.fonts build` and commit the files it changes.")
        return 1 if lacking else 0
    try:
        manifest = build()
    except FontBuildError as exc:
        print(f"jkquiz fonts: {exc}", file=sys.stderr)
        return 1
    for face in manifest["faces"]:
        sizes = ", ".join(f"{face[k]} {(FONT_DIR / face[k]).stat().st_size:,} bytes" for k in ("woff2", "ttf"))
        print(f"{face['name']}: {face['characters']} characters, {face['glyphs']} glyphs ({sizes})")
    return 0
