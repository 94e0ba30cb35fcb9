"""Small charts as inline SVG, drawn by our own code (no chart library, nothing from a CDN).

The SVG is built with ``xml.etree.ElementTree``, which escapes every text and attribute: a
company or agency name cannot break the markup. Each chart is an image for assistive
technology (``role="img"`` with a ``<title>``); the page puts the same numbers in a table.
Colours come from the stylesheet (classes ``ij-chart__*``), with ``currentColor`` as fallback,
so the charts follow Material's light and dark schemes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 640
FONT = 13


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    """The value as printed next to the bar (``3``, ``2.5 days``, ``83 %``)."""


def _svg(chart_id: str, title: str, height: int) -> ET.Element:
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "class": "ij-chart", "id": chart_id, "role": "img",
        "aria-labelledby": f"{chart_id}-title", "viewBox": f"0 0 {WIDTH} {height}",
        "font-size": str(FONT), "fill": "currentColor",
    })
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    return svg


def _text(parent: ET.Element, x: float, y: float, text: str, css: str, anchor: str = "start") -> None:
    ET.SubElement(parent, "text", {"x": _n(x), "y": _n(y), "class": css, "text-anchor": anchor}).text = text


def _n(number: float) -> str:
    """A coordinate without needless decimals."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _markup(svg: ET.Element) -> Markup:
    return Markup(ET.tostring(svg, encoding="unicode"))


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], maximum: float | None = None) -> Markup:
    """Horizontal bars, one per row: the label above its bar, the value after it.

    ``maximum`` is the value of a full-width bar (default: the largest value).
    """
    row, top = 44, 8
    height = top + row * len(bars) + 4
    svg = _svg(chart_id, title, height)
    largest = maximum if maximum is not None else max((bar.value for bar in bars), default=0)
    room = WIDTH - 80  # leave space for the value after the longest bar
    for number, bar in enumerate(bars):
        y = top + number * row
        group = ET.SubElement(svg, "g", {"class": "ij-chart__row"})
        _text(group, 0, y + FONT, bar.label, "ij-chart__label")
        length = room * bar.value / largest if largest > 0 else 0
        ET.SubElement(group, "rect", {"class": "ij-chart__bar", "x": "0", "y": _n(y + 18), "height": "18",
                                      "width": _n(max(length, 2 if bar.value else 0)), "rx": "2"})
        _text(group, length + 6, y + 18 + FONT, bar.text, "ij-chart__value")
    return _markup(svg)


def column_chart(chart_id: str, title: str, bars: Sequence[Bar]) -> Markup:
    """Vertical columns (a time series): the value on top, the label under each column."""
    top, plot, bottom = 20, 120, 24
    height = top + plot + bottom
    svg = _svg(chart_id, title, height)
    largest = max((bar.value for bar in bars), default=0)
    slot = WIDTH / max(len(bars), 1)
    ET.SubElement(svg, "line", {"class": "ij-chart__axis", "x1": "0", "x2": str(WIDTH), "y1": str(top + plot),
                                "y2": str(top + plot), "stroke": "currentColor", "stroke-width": "1"})
    for number, bar in enumerate(bars):
        x = number * slot
        length = plot * bar.value / largest if largest > 0 else 0
        group = ET.SubElement(svg, "g", {"class": "ij-chart__row"})
        ET.SubElement(group, "rect", {"class": "ij-chart__bar", "x": _n(x + slot * 0.2), "y": _n(top + plot - length),
                                      "width": _n(slot * 0.6), "height": _n(length), "rx": "2"})
        _text(group, x + slot / 2, top + plot - length - 5, bar.text, "ij-chart__value", "middle")
        _text(group, x + slot / 2, top + plot + bottom - 6, bar.label, "ij-chart__label", "middle")
    return _markup(svg)
