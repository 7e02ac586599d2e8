"""The steering pack as files, made offline: PNG images (a zip), a PPTX deck and a PDF.

Plotly's images come from kaleido, which drives a headless Chromium. Silta points it at
Debian's Chromium (settings.chromium_path) and turns MathJax off, so nothing is downloaded:
kaleido's own defaults would fetch a browser and MathJax from the internet. The deck holds
native charts (python-pptx chart objects) a presenter can edit; the PDF is an HTML page of
real text and SVG charts printed by the same Chromium, so its text can be selected and searched.
"""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from core.config import get_settings
from core.dashboards.meeting.pack import Cover, Slide
from core.dashboards.meeting.pdf import pdf_document
from core.dashboards.meeting.pptx import pptx_deck
from core.errors import DomainError

WIDTH, HEIGHT = 1600, 900  # 16:9, sharp on a projector and in a slide
RENDER_TIMEOUT_S = 120
Progress = Callable[[int, int], None]


class ExportError(DomainError, RuntimeError):
    """The charts could not be drawn as images; the message says what to install or fix."""


@dataclass(frozen=True)
class PackFiles:
    zip: bytes  # one PNG per chart, numbered in meeting order
    pptx: bytes
    pdf: bytes
    count: int


def _browser() -> str:
    browser = get_settings().chromium_path
    if not browser.exists():
        raise ExportError("meeting.err.no_chromium", path=str(browser))
    return str(browser)


def render(figures: Sequence[go.Figure], fmt: str, progress: Progress | None = None) -> list[bytes]:
    """Each figure as `fmt` ("png" or "svg"), from one Chromium session (a start costs seconds)."""
    browser = _browser()
    import kaleido

    async def draw() -> list[bytes]:
        images = []
        async with kaleido.Kaleido(
            n=1, timeout=RENDER_TIMEOUT_S, mathjax=False, path=browser
        ) as renderer:
            for done, figure in enumerate(figures):
                sized = go.Figure(figure).update_layout(width=WIDTH, height=HEIGHT)
                opts = {"format": fmt, "width": WIDTH, "height": HEIGHT}
                images.append(await renderer.calc_fig(sized, opts=opts))
                if progress is not None:
                    progress(done + 1, len(figures))
        return images

    try:
        return asyncio.run(draw())
    except Exception as error:
        raise ExportError("meeting.err.drawing", detail=str(error)) from error


def render_png(figures: Sequence[go.Figure], progress: Progress | None = None) -> list[bytes]:
    return render(figures, "png", progress)


def png_zip(slides: Sequence[Slide], images: Sequence[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for number, (slide, image) in enumerate(zip(slides, images, strict=True), start=1):
            archive.writestr(f"{number:02d}-{slide.key}.png", image)
    return buffer.getvalue()


def export_pack(
    slides: Sequence[Slide], cover: Cover, *, progress: Progress | None = None
) -> PackFiles:
    """Draw the pack and package it three ways: PNGs, an editable deck, a text PDF."""
    if not slides:
        raise ExportError("meeting.err.no_charts")
    total = 2 * len(slides) + 1

    def step(offset: int) -> Progress | None:
        if progress is None:
            return None
        return lambda done, _: progress(offset + done, total)

    figures = [slide.figure for slide in slides]
    images = render(figures, "png", step(0))
    # The PDF's charts carry their title and note as page text: drop them from the drawing.
    bare = [go.Figure(f).update_layout(title=None, margin={"t": 60}) for f in figures]
    svgs = render(bare, "svg", step(len(slides)))
    try:
        pdf = pdf_document(slides, svgs, cover, browser=_browser())
    except RuntimeError as error:
        raise ExportError("meeting.err.pdf", detail=str(error)) from error
    if progress is not None:
        progress(total, total)
    return PackFiles(png_zip(slides, images), pptx_deck(slides, cover), pdf, len(images))
