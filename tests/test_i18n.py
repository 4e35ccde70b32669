"""The interface's language: chosen, from $JKQUIZ_LANG, remembered with the learner's progress; catalogs complete."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from jkquiz import i18n
from jkquiz.i18n import LANGUAGES, LanguageError, _, get_language, set_language
from jkquiz.i18n.catalogs import po_path

TRANSLATED = ("ko", "ja")
SAMPLE = "The course now speaks {language}. Run a quiz's cell again to see it in this language."


def test_english_unless_chosen() -> None:
    assert LANGUAGES == ("en", "ko", "ja")
    assert get_language() == "en"
    assert _(SAMPLE) == SAMPLE


def test_set_language_translates_at_call_time() -> None:
    marked = i18n.N_(SAMPLE)  # a constant made at import stays English ...
    assert marked == SAMPLE
    set_language("ko")
    assert get_language() == "ko"
    assert _(marked).startswith("이제 강의가 {language}로")  # ... and is shown in the language of the moment
    set_language("ja")
    assert _(marked).startswith("これからコースを{language}で")
    set_language("en")
    assert _(marked) == SAMPLE


def test_set_language_accepts_region_forms() -> None:
    assert set_language("ko-KR") == "ko"
    assert set_language("JA_jp") == "ja"


@pytest.mark.parametrize("bad", ["fr", "", "korean", "zh_CN"])
def test_other_languages_are_refused_with_the_choices(bad: str) -> None:
    with pytest.raises(LanguageError) as caught:
        set_language(bad)
    message = str(caught.value)
    assert repr(bad) in message
    for code in LANGUAGES:
        assert f"'{code}'" in message
    assert get_language() == "en"


def test_jkquiz_lang_is_honoured_unless_set_language_decided(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JKQUIZ_LANG", "ja")
    assert get_language() == "ja"
    assert _(SAMPLE).startswith("これから")
    set_language("ko")
    assert get_language() == "ko"
    set_language(None)
    monkeypatch.setenv("JKQUIZ_LANG", "xx")  # not a language the course speaks: ignored
    assert get_language() == "en"


def test_remembered_choice_comes_after_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.remember_language("ko")
    assert get_language() == "ko"
    monkeypatch.setenv("JKQUIZ_LANG", "en")
    assert get_language() == "en"


def test_set_language_is_exported_and_remembered_in_the_progress_store() -> None:
    import jkquiz
    from jkquiz.progress.current import LANGUAGE_KEY, forget_store, progress_store

    jkquiz.set_language("ja")
    assert progress_store().setting(LANGUAGE_KEY) == "ja"
    forget_store()
    set_language(None)
    assert get_language() == "en"  # the store is not open in this process any more
    progress_store()
    assert get_language() == "ja"  # opened again: the remembered choice


def test_set_language_keeps_the_learners_answers(mini_bank) -> None:
    import jkquiz
    from jkquiz.engine import Attempt
    from jkquiz.notebook.study import learner, progress_store

    store = progress_store()
    before = store.count()
    jkquiz.set_language("ko")
    assert progress_store().count() == before
    assert learner() == "learner"
    del Attempt


def test_remembered_choice_survives_a_new_process(tmp_path: Path) -> None:
    env = dict(os.environ, JKQUIZ_HOME=str(tmp_path))
    env.pop("JKQUIZ_LANG", None)
    choose = subprocess.run([sys.executable, "-c", "import jkquiz; jkquiz.set_language('ko')"],
                            env=env, capture_output=True, text=True, check=True)
    assert "한국어" in choose.stdout
    read = ("from jkquiz.i18n import get_language; from jkquiz.progress.current import progress_store\n"
            "before = get_language(); progress_store(); print(before, get_language())")
    later = subprocess.run([sys.executable, "-c", read], env=env, capture_output=True, text=True, check=True)
    assert later.stdout.split() == ["en", "ko"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_complete(lang: str) -> None:
    """Every message of the template is translated in ko and ja: none missing, empty or fuzzy."""
    from babel.messages.pofile import read_po

    template = read_po(po_path(lang).parents[2].joinpath("jkquiz.pot").open("rb"))
    with po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    assert wanted, "the template has no messages"
    have = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    missing = sorted(wanted - set(have))
    untranslated = sorted(k for k, m in have.items() if not (m.string if isinstance(m.string, str) else all(m.string)))
    fuzzy = sorted(k for k, m in have.items() if m.fuzzy)
    assert (missing, untranslated, fuzzy) == ([], [], [])
    assert not catalog.fuzzy, "the catalog's header is marked fuzzy"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_keeps_placeholders(lang: str) -> None:
    """A translation names the same {placeholders} as its English, so formatting it never fails."""
    import re

    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    names = re.compile(r"\{(\w*)[^}]*\}")
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in strings:
            assert set(names.findall(text)) <= set().union(*(names.findall(i) for i in ids)), (lang, message.id)
            assert set(names.findall(ids[-1])) <= set(names.findall(text)) | set(names.findall(ids[0])), message.id


def test_template_is_current(tmp_path: Path) -> None:
    """jkquiz.pot holds every message the code and templates mark (run pybabel extract when this fails)."""
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "fresh.pot"
    pybabel = "import sys; from babel.messages.frontend import main; sys.argv[0] = 'pybabel'; main()"
    subprocess.run([sys.executable, "-c", pybabel, "extract", "-F", "babel.cfg", "-o", str(out), "."],
                   cwd=root, check=True, capture_output=True)
    fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(out.open("rb")) if m.id}
    shipped = {m.id if isinstance(m.id, str) else m.id[0]
               for m in read_po((root / "src/jkquiz/i18n/locale/jkquiz.pot").open("rb")) if m.id}
    assert sorted(fresh - shipped) == [] and sorted(shipped - fresh) == []


def test_compiled_catalog_is_cached_and_never_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jkquiz.i18n import catalogs

    monkeypatch.setenv("JKQUIZ_HOME", str(tmp_path))
    i18n.forget_catalogs()
    try:
        catalogs.translations("ko")
        cached = list((tmp_path / "cache").glob("messages-ko-*.mo"))
        assert len(cached) == 1
        key = catalogs.catalog_key(po_path("ko").read_bytes())
        assert cached[0].name == catalogs.compiled_name("ko", key)
    finally:
        i18n.forget_catalogs()


@pytest.mark.parametrize(("lang", "expected"), [("en", "Dec 4, 2026"), ("ko", "2026. 12. 4."), ("ja", "2026/12/04")])
def test_dates_per_locale(lang: str, expected: str) -> None:
    assert i18n.format_date(date(2026, 12, 4), lang=lang) == expected


def test_numbers_per_locale() -> None:
    set_language("ko")
    assert i18n.format_number(12345.0) == "12,345"
    assert i18n.format_number(2.5, lang="ja") == "2.5"
    assert i18n.format_percent(0.75, lang="en") == "75%"


def test_no_message_hidden_inside_an_f_string() -> None:
    """pybabel (on Python 3.11) does not look inside f-strings: a _("...") written there would never reach the
    catalogs, and would stay English in every language."""
    import re

    src = Path(__file__).resolve().parents[1] / "src" / "jkquiz"
    hidden = re.compile(r"""\{(?:escape\()?_\(["']""")
    found = [f"{path.relative_to(src)}:{number}" for path in sorted(src.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if hidden.search(line)]
    assert found == []
