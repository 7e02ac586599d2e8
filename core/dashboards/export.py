"""The steering pack as files, made offline: PNG images (a zip), a PPTX deck and a PDF.

Plotly's static images come from kaleido, which drives a headless Chromium. Silta points it at
Debian's Chromium (settings.chromium_path) and turns MathJax off, so nothing is downloaded:
kaleido's own defaults would fetch a browser and MathJax from the internet.
"""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
from PIL import Image
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from core.config import get_settings
from core.dashboards.pack import Slide
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


def render_png(figures: Sequence[go.Figure], progress: Progress | None = None) -> list[bytes]:
    """Each figure as a PNG, from one Chromium session (starting one costs seconds)."""
    browser = get_settings().chromium_path
    if not browser.exists():
        raise ExportError("meeting.err.no_chromium", path=str(browser))
    import kaleido

    async def draw() -> list[bytes]:
        images = []
        async with kaleido.Kaleido(
            n=1, timeout=RENDER_TIMEOUT_S, mathjax=False, path=str(browser)
        ) as renderer:
            for done, figure in enumerate(figures):
                sized = go.Figure(figure).update_layout(width=WIDTH, height=HEIGHT)
                opts = {"format": "png", "width": WIDTH, "height": HEIGHT}
                images.append(await renderer.calc_fig(sized, opts=opts))
                if progress is not None:
                    progress(done + 1, len(figures))
        return images

    try:
        return asyncio.run(draw())
    except ExportError:
        raise
    except Exception as error:
        raise ExportError("meeting.err.drawing", detail=str(error)) from error


def png_zip(slides: Sequence[Slide], images: Sequence[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for number, (slide, image) in enumerate(zip(slides, images, strict=True), start=1):
            archive.writestr(f"{number:02d}-{slide.key}.png", image)
    return buffer.getvalue()


def pptx_deck(
    slides: Sequence[Slide], images: Sequence[bytes], *, title: str, subtitle: str
) -> bytes:
    """A 16:9 deck: a title slide, then one chart per slide (the chart carries its title)."""
    deck = Presentation()
    width, slide_height = Inches(13.333), Inches(7.5)
    deck.slide_width, deck.slide_height = width, slide_height
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = title
    cover.placeholders[1].text = subtitle
    blank = deck.slide_layouts[6]
    for slide, image in zip(slides, images, strict=True):
        page = deck.slides.add_slide(blank)
        height = Emu(round(width * HEIGHT / WIDTH))
        top = Emu(max(0, (slide_height - height) // 2))
        picture = page.shapes.add_picture(io.BytesIO(image), 0, top, width=width, height=height)
        picture.name = slide.title
        notes = page.notes_slide.notes_text_frame
        notes.text = slide.title
        notes.paragraphs[0].runs[0].font.size = Pt(14)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def pdf_pack(images: Sequence[bytes]) -> bytes:
    """All charts in one PDF, a page each."""
    pages = [Image.open(io.BytesIO(image)).convert("RGB") for image in images]
    buffer = io.BytesIO()
    first, *rest = pages
    first.save(buffer, "PDF", save_all=True, append_images=rest, resolution=150)
    return buffer.getvalue()


def export_pack(
    slides: Sequence[Slide], *, title: str, subtitle: str, progress: Progress | None = None
) -> PackFiles:
    """Draw the pack once and package it three ways."""
    if not slides:
        raise ExportError("meeting.err.no_charts")
    images = render_png([slide.figure for slide in slides], progress)
    return PackFiles(
        png_zip(slides, images),
        pptx_deck(slides, images, title=title, subtitle=subtitle),
        pdf_pack(images),
        len(images),
    )
