"""Figures drawn from a small bank: what they show (alt text), deterministic PNGs, errors a learner can read."""

from __future__ import annotations

import base64
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from jkquiz.bank import load_bank
from jkquiz.errors import QuizError
from jkquiz.figures import FigureImage, chart, liancourt_map, timeline
from jkquiz.figures.geo import coastline, km_between, place_name
from jkquiz.figures.render import drawable, source_note
from jkquiz.figures.timeline import display_date

FIXTURE = Path(__file__).parent / "fixtures" / "figures"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def demo():
    return load_bank(FIXTURE)


def png_chunks(png: bytes) -> list[bytes]:
    """The chunk types of a PNG file, in order."""
    assert png.startswith(PNG_SIGNATURE)
    chunks, at = [], len(PNG_SIGNATURE)
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        chunks.append(png[at + 4 : at + 8])
        at += 12 + length
    return chunks


def png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


def test_timeline_lists_the_labelled_dated_facts_oldest_first(demo) -> None:
    figure = timeline("demo", bank=demo)
    assert figure.title == "Timeline: Demo topic"
    assert figure.alt == ("Timeline of 3 events, 1905 to 2005: 1905: Earlier event; Mar 1962: Middle event; "
                          "22 Feb 2005: Later event.")  # the fact without a label is left out
    assert png_size(figure.png)[0] == 1020


def test_figures_are_byte_identical_run_to_run_and_carry_no_timestamp(demo) -> None:
    for draw in (lambda: timeline("demo", bank=demo), lambda: chart("demo", bank=demo),
                 lambda: liancourt_map("demo", bank=demo)):
        first, second = draw(), draw()
        assert first.png == second.png
        assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(png_chunks(first.png))


def test_chart_has_one_panel_per_unit_lines_for_trends_bars_for_few_years(demo) -> None:
    figure = chart("demo", bank=demo)
    assert figure.title == "In numbers: Demo topic"
    assert figure.alt == (
        "Line chart in %: Japanese, good impression (2013: 31.1, 2014: 20.5, 2019: 20, 2023: 37.4); "
        "South Koreans, good impression (2023: 28.9). "
        "Bar chart in million visitors: South Korean visitors to Japan (2018: 7.54, 2019: 5.58). "
        "Bar chart in km: The Oki Islands lie about 157.5 km from the Liancourt Rocks: 157.5, "
        "The Liancourt Rocks lie 87.4 km from Ulleungdo: 87.4."
    )  # 'trillion yen' has one value only, so it is not charted


def test_chart_keeps_only_the_series_or_units_asked_for(demo) -> None:
    assert chart("demo", series="south korean", bank=demo).alt == (
        "Bar chart in million visitors: South Korean visitors to Japan (2018: 7.54, 2019: 5.58).")
    assert chart("demo", units=["%"], bank=demo).alt.startswith("Line chart in %: Japanese")
    assert "million visitors" not in chart("demo", units=["%"], bank=demo).alt


def test_map_names_both_sides_and_puts_each_distance_between_the_right_places(demo) -> None:
    figure = liancourt_map("demo", bank=demo)
    rocks = "Liancourt Rocks — Dokdo (Korea) / Takeshima (Japan)"
    assert f"{rocks} at 37.24°N 131.87°E." in figure.alt
    assert f"{rocks} to Ulleungdo: 87.4 km." in figure.alt
    assert f"{rocks} to Dōgo (Oki Islands): 157.5 km." in figure.alt
    assert place_name(demo.facts["d-ulleungdo"], demo.facts_for("demo")) == "Ulleungdo"


def test_great_circle_distance_is_right() -> None:
    assert km_between((37.5, 130.86), (37.24, 131.87)) == pytest.approx(94.0, abs=1.0)
    assert km_between((0, 0), (0, 1)) == pytest.approx(111.19, abs=0.01)


def test_the_course_map_shows_the_course_places() -> None:
    alt = liancourt_map().alt
    assert "Dokdo (Korea) / Takeshima (Japan)" in alt and "Ulleungdo: 87.4 km" in alt and "157.5 km" in alt


def test_the_shipped_coastline_covers_both_coasts_inside_its_box() -> None:
    data = coastline()
    assert {"South Korea", "Japan"} <= set(data["countries"]) and "Natural Earth" in data["source"]
    lon0, lat0, lon1, lat1 = data["box"]
    for rings in data["countries"].values():
        for ring in rings:
            assert all(lon0 <= lon <= lon1 and lat0 <= lat <= lat1 for lon, lat in ring)


def test_figure_displays_as_png_with_alt_text_in_a_notebook(demo) -> None:
    figure = timeline("demo", bank=demo)
    data, metadata = figure._repr_mimebundle_()
    assert base64.b64decode(data["image/png"]) == figure.png
    assert metadata == {"image/png": {"alt": figure.alt}}
    assert data["text/plain"] == f"{figure.title}\n{figure.alt}"
    assert isinstance(figure, FigureImage) and repr(figure) == "<jkquiz figure: Timeline: Demo topic>"


def test_unknown_topic_or_nothing_to_draw_is_a_plain_error(demo) -> None:
    with pytest.raises(QuizError, match="no topic 'dem'.*demo"):
        timeline("dem", bank=demo)
    with pytest.raises(QuizError, match="no statistics"):
        chart("demo", series="nothing like this", bank=demo)
    mini = load_bank(Path(__file__).parent / "fixtures" / "mini")
    with pytest.raises(QuizError, match="has no places with coordinates"):
        liancourt_map("sample", bank=mini)


def test_source_note_names_each_source_once_and_shortens_long_lists() -> None:
    assert source_note(["A", "B", "A"]) == "Sources: A; B"
    assert source_note(["Only"]) == "Source: Only"
    long = source_note([f"Source number {i} with a fairly long title" for i in range(40)], width=80, lines=3)
    assert len(long.splitlines()) <= 3 and long.endswith("(each fact in the bank names its sources)")


def test_korean_and_japanese_titles_are_drawn_and_only_unknown_characters_are_named() -> None:
    assert drawable("日韓共同世論調査 2014年 (livedoor news, 10 July 2014)") == \
        "日韓共同世論調査 2014年 (livedoor news, 10 July 2014)"
    assert drawable("독도 (Dokdo)") == "독도 (Dokdo)"
    assert drawable("Plain – English “title”") == "Plain – English “title”"
    # a character in no font of the figures (not in the bank, so not in the course's subsets)
    assert drawable("驪州 (Yeoju)") == "[Japanese-language title] (Yeoju)"


def _text_pixels(text: str) -> bytes:
    """The RGBA pixels of `text` drawn alone in the house style."""
    from jkquiz.figures.render import house_style, new_figure

    with house_style():
        figure = new_figure(height=0.5, width=0.6)
        figure.text(0.5, 0.5, text, fontsize=20, ha="center", va="center")
        figure.canvas.draw()
        return bytes(figure.canvas.buffer_rgba())  # type: ignore[attr-defined]


def test_hangul_and_kanji_are_drawn_as_glyphs_not_boxes(recwarn: pytest.WarningsRecorder) -> None:
    from jkquiz.figures.render import CJK_FONTS

    blank = _text_pixels(" ")
    tofu = _text_pixels("驪")  # in no font here: drawn as the missing-glyph box
    recwarn.clear()
    drawn = {char: _text_pixels(char) for char in "독도竹島たカ"}
    assert not [w for w in recwarn if "missing from font" in str(w.message)]  # matplotlib warns on each tofu
    assert all(pixels not in (blank, tofu) for pixels in drawn.values())
    assert len(set(drawn.values())) == len(drawn)  # six different shapes, not one box six times
    from matplotlib import font_manager

    assert {f.name for f in font_manager.fontManager.ttflist} >= set(CJK_FONTS)
    for font in CJK_FONTS:  # the course's own files, never a system font of the same name
        assert "jkquiz" in font_manager.findfont(font_manager.FontProperties(family=font), fallback_to_default=False)


def test_dates_read_as_people_write_them() -> None:
    assert [display_date(d) for d in ("1905", "1962-03", "2005-02-22")] == ["1905", "Mar 1962", "22 Feb 2005"]


def test_importing_figures_does_not_import_matplotlib_and_drawing_leaves_no_global_state() -> None:
    code = (
        "import sys, jkquiz, jkquiz.figures, jkquiz.course\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported early'\n"
        "assert not {'ipywidgets', 'IPython', 'nbformat'} & set(sys.modules), 'course imports Jupyter'\n"
        "import matplotlib\n"
        "keys = ['font.family', 'font.size', 'axes.spines.top', 'svg.hashsalt', 'axes.titleweight']\n"
        "before = [matplotlib.rcParams[k] for k in keys]\n"  # not all keys: reading 'backend' imports pyplot
        f"from jkquiz.bank import load_bank; jkquiz.timeline('demo', bank=load_bank({str(FIXTURE)!r}))\n"
        "assert [matplotlib.rcParams[k] for k in keys] == before, 'rcParams changed'\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)


def test_figure_html_carries_alt_text_for_screen_readers() -> None:
    """JupyterLab and Voilà show the text/html form (their image renderer drops `alt`)."""
    import base64

    from jkquiz.figures.render import FigureImage

    png = b"\x89PNG fake"
    image = FigureImage(png=png, title='A "title"', alt="Dokdo <Korea> & Takeshima")
    data, metadata = image._repr_mimebundle_()
    encoded = base64.b64encode(png).decode()
    assert data["text/html"] == (
        f'<img src="data:image/png;base64,{encoded}" '
        'alt="Dokdo &lt;Korea&gt; &amp; Takeshima" title="A &quot;title&quot;" style="max-width:100%;height:auto">'
    )
    assert metadata == {"image/png": {"alt": "Dokdo <Korea> & Takeshima"}}
