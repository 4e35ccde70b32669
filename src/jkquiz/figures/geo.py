"""liancourt_map(): Ulleungdo, the Liancourt Rocks and the Oki Islands on a coastline shipped with jkquiz."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from jkquiz.bank import Bank, Fact
from jkquiz.errors import QuizError
from jkquiz.bank.localize import Localizer
from jkquiz.figures.common import course_or, localizer, topic_facts
from jkquiz.i18n import N_, _
from jkquiz.figures.render import COLOURS, INK, LAND, MUTED, SEA, FigureImage, finish, house_style, new_figure
from jkquiz.text import format_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

EXTENT = (127.3, 135.4, 34.6, 38.9)  # lon min, lon max, lat min, lat max: Korea's east coast to Honshu's
COUNTRY_LABELS = {N_("South Korea"): (128.2, 36.2), N_("North Korea"): (127.75, 38.6), N_("Japan"): (134.3, 35.05)}


def liancourt_map(topic: str = "territory", *, bank: Bank | None = None) -> FigureImage:
    """A map of the topic's places (facts with `coords`) and their distances (statistics in km) as labelled lines.

    A place named differently in Korean and Japanese (term facts sharing its native-script
    names) is labelled with both, e.g. "Dokdo (Korea) / Takeshima (Japan)".
    Alt text: each place with its coordinates, then each distance between two places.
    """
    shown = localizer(bank)
    bank = course_or(bank)
    _topic, places = topic_facts(topic, bank, lambda f: f.coords is not None, "places with coordinates")
    distances = [f for f in bank.facts_for(topic) if f.unit == "km" and f.value is not None and len(places) > 1]
    names = {p.id: place_name(p, bank.facts_for(topic), shown) for p in places}
    links = [(d, *_endpoints(d, places)) for d in distances]
    title = _("The Liancourt Rocks between Ulleungdo and the Oki Islands")
    said = {key: name.replace("\n", " — ") for key, name in names.items()}  # one line each in the alt text
    alt = (
        _("Map of the sea between the Korean Peninsula's east coast and Honshu.") + " "
        + " ".join(_("{place} at {where}.").format(place=said[p.id], where=_degrees(p.coords)) for p in places)  # type: ignore[arg-type]  # places have coords
        + "".join(" " + _("{one} to {other}: {km} km.").format(one=said[a.id], other=said[b.id],
                                                                km=format_number(d.value or 0)) for d, a, b in links)
    )
    with house_style():
        return finish(_draw(places, names, links, title), title, alt)


def place_name(place: Fact, facts: list[Fact], shown: Localizer | None = None) -> str:
    """The place's name; with its Korean and Japanese names when term facts give them (in `shown`'s language)."""
    def say(fact: Fact, path: str) -> str | None:
        english = getattr(fact, path)
        return (shown.fact_text(fact, path) if shown else None) or english

    name = say(place, "label") or say(place, "answer") or place.id
    if place.terms is None:
        return name
    korean = japanese = None
    for fact in facts:
        if fact.kind != "term" or fact.terms is None or not fact.answer:
            continue
        shared = {fact.terms.ko, fact.terms.ja} & {place.terms.ko, place.terms.ja} - {None}
        if not shared:
            continue
        # The statement shows which language the name is: it quotes the Hangul or only the Japanese script.
        if place.terms.ko and place.terms.ko in fact.statement:
            korean = say(fact, "answer")
        elif place.terms.ja and place.terms.ja in fact.statement:
            japanese = say(fact, "answer")
    if korean and japanese and korean != japanese:
        return name + "\n" + _("{korean} (Korea) / {japanese} (Japan)").format(korean=korean, japanese=japanese)
    return name


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _endpoints(distance: Fact, places: list[Fact]) -> tuple[Fact, Fact]:
    """The pair of places whose centres are nearest to the stated distance apart (facts do not name ends)."""
    pairs = [(a, b) for i, a in enumerate(places) for b in places[i + 1 :]]
    if not pairs:
        raise QuizError("a distance needs two places with coordinates")
    return min(pairs, key=lambda ab: abs(km_between(ab[0].coords, ab[1].coords) - (distance.value or 0)))  # type: ignore[arg-type]  # places have coords


@lru_cache(maxsize=1)
def coastline() -> dict:
    """The clipped Natural Earth outlines shipped in jkquiz/figures/data (see its README)."""
    text = resources.files("jkquiz.figures").joinpath("data", "coastline.json").read_text(encoding="utf-8")
    return json.loads(text)


def _degrees(coords: tuple[float, float]) -> str:
    lat, lon = coords
    if lat >= 0 and lon >= 0:  # the map's part of the world
        return _("{lat}°N {lon}°E").format(lat=f"{lat:.2f}", lon=f"{lon:.2f}")
    return f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'} {abs(lon):.2f}°{'E' if lon >= 0 else 'W'}"


def _draw(places: list[Fact], names: dict[str, str], links: list[tuple[Fact, Fact, Fact]], title: str) -> Figure:
    from matplotlib.patches import Polygon

    figure = new_figure(height=6.6)
    ax = figure.add_axes((0.09, 0.1, 0.88, 0.8))
    lon0, lon1, lat0, lat1 = EXTENT
    ax.set_facecolor(SEA)
    for country, rings in coastline()["countries"].items():
        for ring in rings:
            ax.add_patch(Polygon(ring, closed=True, facecolor=LAND, edgecolor="#8A8170", linewidth=0.7, zorder=1))
    for country, (x, y) in COUNTRY_LABELS.items():
        ax.text(x, y, _(country).upper(), fontsize=10, color=MUTED, ha="center", va="center", zorder=2)
    for k, (distance, a, b) in enumerate(links):
        (ya, xa), (yb, xb) = a.coords, b.coords  # type: ignore[misc]  # places have coords
        ax.plot([xa, xb], [ya, yb], linestyle="--", color=COLOURS[1], linewidth=1.6, zorder=3)
        ax.annotate(f"{format_number(distance.value or 0)} km", ((xa + xb) / 2, (ya + yb) / 2), xytext=(0, 7),
                    textcoords="offset points", ha="center", fontsize=11, color=COLOURS[1], fontweight="bold",
                    rotation=_angle(xa, ya, xb, yb), rotation_mode="anchor", zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": SEA, "edgecolor": "none", "alpha": 0.85})
    west = min(p.coords[1] for p in places)  # type: ignore[index]  # places have coords
    for place in places:
        lat, lon = place.coords  # type: ignore[misc]  # places have coords
        ax.plot([lon], [lat], marker="o", markersize=9, color=COLOURS[0], markeredgecolor="white", zorder=4)
        # The westmost label goes left of its dot, the others up and right: clear of the distance lines.
        left = lon == west
        ax.annotate(names[place.id], (lon, lat), xytext=(-10 if left else 9, 4 if left else 8),
                    textcoords="offset points", ha="right" if left else "left", va="bottom",
                    fontsize=11, color=INK, fontweight="bold", zorder=5, linespacing=1.3,
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    _scale_bar(ax, 129.9, lat0 + 0.3)  # in open sea, clear of both coasts
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)))  # equal km both ways at this latitude
    ax.set_xlabel(_("Longitude (°E)"))
    ax.set_ylabel(_("Latitude (°N)"))
    for side in ("top", "right"):
        ax.spines[side].set_visible(True)
    figure.suptitle(title, x=0.09, ha="left", fontsize=14, fontweight="bold", color=INK)
    figure.text(0.02, 0.015, _("Coastlines: Natural Earth (public domain). Places and distances: the course's fact bank."),
                fontsize=8, color=MUTED)
    return figure


def _angle(xa: float, ya: float, xb: float, yb: float) -> float:
    """Text angle along a line, as drawn (longitude degrees are shorter than latitude degrees)."""
    squeeze = math.cos(math.radians((ya + yb) / 2))
    angle = math.degrees(math.atan2(yb - ya, (xb - xa) * squeeze))
    return angle - 180 if angle > 90 else angle + 180 if angle < -90 else angle


def _scale_bar(ax: Axes, lon: float, lat: float, km: int = 100) -> None:
    width = km / (111.32 * math.cos(math.radians(lat)))
    ax.plot([lon, lon + width], [lat, lat], color=INK, linewidth=3, solid_capstyle="butt", zorder=5)
    ax.text(lon + width / 2, lat + 0.07, f"{km} km", ha="center", va="bottom", fontsize=9, color=INK, zorder=5)
