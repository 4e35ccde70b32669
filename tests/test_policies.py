"""The course's two writing policies (CONTRIBUTING.md) as checks, and citations as numbered notes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from jkquiz.bank import inspect_bank
from jkquiz.bank.sources_policy import refused_by, refused_entries
from jkquiz.bank.terms_policy import unattributed_terms
from jkquiz.build_course.notes import SectionNotes, to_notes

from fixture_paths import FIXTURES

ROOT = Path(__file__).resolve().parents[1]
MARKDOWN_LINK = re.compile(r"\[[^\]]+\]\([^)\s]+\)|<a\s[^>]*href", re.I)


@pytest.mark.parametrize(("url", "entry"), [
    ("https://en.wikipedia.org/wiki/Kono_Statement", "wikipedia.org"),
    ("https://en.m.wikipedia.org/wiki/Dokdo", "wikipedia.org"),
    ("https://bafyabc.ipfs.dweb.link/wiki/Treaty.html", "*.ipfs.dweb.link"),
    ("http://kiwix.lema.org/content/wikipedia_en/A/Sado", "kiwix.*"),
    ("https://docslib.org/doc/123", "docslib.org"),
    ("https://www.mofa.go.jp/a_o/na/takeshima/index.html", None),
    ("https://en.yna.co.kr/view/AEN20260113", None),
    ("https://notwikipedia.org/page", None),  # a suffix counts only at a dot
])
def test_refused_addresses(url: str, entry: str | None) -> None:
    assert refused_by(url, refused_entries()) == entry


def _bank_with_source(folder: Path, url: str) -> Path:
    shutil.copy(FIXTURES / "figures" / "01-demo.yaml", folder / "01-demo.yaml")
    text = (folder / "01-demo.yaml").read_text(encoding="utf-8")
    assert "{title: Source A, quote: later event}" in text
    text = text.replace("{title: Source A, quote: later event}", f"{{title: Source A, url: '{url}', quote: later event}}", 1)
    (folder / "01-demo.yaml").write_text(text, encoding="utf-8")
    return folder


def test_validate_refuses_a_mirror_at_its_line(tmp_path: Path) -> None:
    bank = _bank_with_source(tmp_path, "https://wikimili.com/en/Treaty_on_Basic_Relations")
    problems = [p for p in inspect_bank(bank).problems if "refused list" in p.message]
    assert len(problems) == 1
    line = next(n for n, text in enumerate((bank / "01-demo.yaml").read_text().splitlines(), 1) if "wikimili" in text)
    assert (Path(problems[0].file).name, problems[0].line) == ("01-demo.yaml", line)
    assert "wikimili.com is on the refused list of mirrors, wikis and aggregators" in problems[0].message


def test_an_instructor_extends_the_list_in_the_bank_folder(tmp_path: Path) -> None:
    bank = _bank_with_source(tmp_path, "https://blog.example.net/post")
    assert not [p for p in inspect_bank(bank).problems if "refused list" in p.message]
    (bank / "refused-sources.txt").write_text("# our own\nexample.net  # a blog host\n", encoding="utf-8")
    refused_entries.cache_clear()
    problems = [p for p in inspect_bank(bank).problems if "refused list" in p.message]
    assert [p.message.split(" is on")[0] for p in problems] == ["a course cannot cite this address (example.net"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Koreans were mobilized for wartime labour in Japan.", []),
    ("Four Korean victims of wartime forced labour sued the company.", ["'forced labour' is South Korea's term"]),
    ("The Supreme Court ordered the firm to pay Koreans forced to work for it.", ["'forced to work' is South Korea's term"]),
    ("Seoul calls them victims of forced labour.", []),
    ("South Korea's Supreme Court described the work as \"forced labour\".", []),
    ("The islets are called Dokdo.", ["'Dokdo' is South Korea's term"]),
    ("South Korea calls the islets Dokdo.", []),
    ("The Liancourt Rocks (Dokdo / Takeshima) lie between Ulleungdo and the Oki Islands.", []),
    ("Shimane Prefecture named 22 February Takeshima Day in 2005.", []),
    ("Takeshima Day falls on 22 February.", ["'Takeshima' is Japan's term"]),
    ("Ships crossed the Sea of Japan.", ["'Sea of Japan' is Japan's term"]),
    ("The IHO's S-23 names it the Sea of Japan.", []),
    ("Ships crossed the sea between Japan and Korea.", []),
    ("It paid through the Foundation for Victims of Forced Mobilization by Imperial Japan, Seoul said.", []),
    ("It paid through the Foundation for Victims of Forced Mobilization by Imperial Japan.", []),
])
def test_one_sided_terms_need_an_attribution(text: str, flagged: list[str]) -> None:
    assert unattributed_terms(text) == flagged


def test_a_choice_is_read_with_its_prompt() -> None:
    assert unattributed_terms("Dokdo", context="What does South Korea's government call the islets?") == []
    assert unattributed_terms("Dokdo", context="What are the islets called?") == ["'Dokdo' is South Korea's term"]


def test_citations_become_numbered_notes() -> None:
    notes = SectionNotes()
    text = ("Japan and Korea signed it in 1965 ([MOFA Japan](https://www.mofa.go.jp/a); [Yonhap](https://en.yna.co.kr/b)). "
            "Seoul agreed ([Yonhap](https://en.yna.co.kr/b)), and the [treaty text](https://treaties.un.org/c) was filed.")
    assert to_notes(text, notes) == (
        "Japan and Korea signed it in 1965<sup>1, 2</sup>. Seoul agreed<sup>2</sup>, and the treaty text<sup>3</sup> was filed.")
    assert notes.markdown() == ("**Notes**\n\n1. [MOFA Japan](https://www.mofa.go.jp/a)\n2. [Yonhap](https://en.yna.co.kr/b)\n"
                                "3. [treaty text](https://treaties.un.org/c)")


def running_text_links(path: Path) -> int:
    """Links in a notebook's lesson text: not in its notes cells, nor in the generated navigation."""
    count = 0
    for cell in nbformat.read(str(path), as_version=4).cells:
        if cell.cell_type != "markdown" or "jkquiz-nav" in cell.metadata.get("tags", []):
            continue
        if cell.source.lstrip().startswith("**Notes**"):
            continue
        count += len(MARKDOWN_LINK.findall(cell.source))
    return count


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")), ids=lambda p: p.stem)
def test_lessons_keep_links_out_of_their_running_text(notebook: Path) -> None:
    assert running_text_links(notebook) <= 12


def test_the_course_cites_no_refused_source_in_its_lessons() -> None:
    entries = refused_entries()
    cited = [(path.name, url) for path in sorted((ROOT / "notebooks" / "src").glob("*.md"))
             for url in re.findall(r"\]\((https?://[^)\s]+)\)", path.read_text(encoding="utf-8"))
             if refused_by(url, entries)]
    assert cited == []
