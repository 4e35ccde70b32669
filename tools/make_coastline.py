#!/usr/bin/env python3
"""Make src/jkquiz/figures/data/coastline.json: the Korea–Japan region from Natural Earth (world-atlas).

Run once by a maintainer, never at run time (the course must work offline):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_coastline.py /tmp/package/countries-50m.json

The input is the `world-atlas` npm package's TopoJSON (Natural Earth 1:50m, public domain;
world-atlas is ISC-licensed). The output keeps only the countries' outlines inside the
map's box, clipped to it and rounded to 0.001 degrees (about 100 m), as plain JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BOX = (124.0, 33.0, 136.0, 40.0)  # lon min, lat min, lon max, lat max
OUT = Path(__file__).resolve().parents[1] / "src" / "jkquiz" / "figures" / "data" / "coastline.json"
Point = tuple[float, float]


def decode_arcs(topo: dict) -> list[list[Point]]:
    """The TopoJSON arcs as absolute lon/lat points (undo quantization and delta encoding)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """A closed ring from arc indexes (a negative index ~i means arc i reversed)."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def clip(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland–Hodgman: the polygon clipped to the box."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda p, q: _cross_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: _cross_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: _cross_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: _cross_y(p, q, y1)),
    ]
    for inside, cross in edges:
        if not points:
            break
        kept: list[Point] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    kept.append(cross(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(cross(previous, current))
        points = kept
    return points


def _cross_x(p: Point, q: Point, x: float) -> Point:
    t = (x - p[0]) / (q[0] - p[0])
    return (x, p[1] + t * (q[1] - p[1]))


def _cross_y(p: Point, q: Point, y: float) -> Point:
    t = (y - p[1]) / (q[1] - p[1])
    return (p[0] + t * (q[0] - p[0]), y)


def compact(points: list[Point]) -> list[list[float]]:
    """Rounded to 0.001 degrees, without repeated points."""
    out: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, 3), round(lat, 3)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def convert(topo: dict) -> dict:
    """The countries inside BOX as {name: [polygon outer rings]}."""
    arcs = decode_arcs(topo)
    countries: dict[str, list[list[list[float]]]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
        for polygon in polygons:
            outer = compact(clip(ring(arcs, polygon[0]), BOX))  # holes do not occur in this region
            if len(outer) >= 3:
                countries.setdefault(geometry["properties"]["name"], []).append(outer)
    return {
        "source": "Natural Earth 1:50m countries (public domain), via the world-atlas npm package 2.0.2 (ISC)",
        "made_by": "tools/make_coastline.py",
        "box": list(BOX),
        "countries": dict(sorted(countries.items())),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-50m.json from the world-atlas npm package")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"make_coastline: cannot read {args.topojson}: {exc}", file=sys.stderr)
        return 1
    data = convert(topo)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    rings = sum(len(v) for v in data["countries"].values())
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(data['countries'])} countries, {rings} rings)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
