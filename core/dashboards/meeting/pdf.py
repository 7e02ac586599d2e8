"""The steering pack as a PDF of real text: a title page, then a page per chart (its title and
privacy note as text, the chart as SVG), printed by Debian's Chromium from an HTML page.

No PDF library is installed; Chromium already draws the charts, and its printer keeps text as
text, so titles, captions and axis labels can be selected, searched and read aloud.
"""

from __future__ import annotations

import html
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from core.dashboards.meeting.pack import Cover, Slide

PRINT_TIMEOUT_S = 180
STYLE = """
@page { size: 297mm 167mm; margin: 10mm 12mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; color: #222; margin: 0; }
section { page-break-after: always; height: 145mm; overflow: hidden; }
section:last-child { page-break-after: auto; }
.cover h1 { font-size: 30pt; margin: 30mm 0 8mm; color: #1f4e79; }
.cover p { font-size: 14pt; margin: 2mm 0; }
h2 { font-size: 20pt; margin: 0 0 1mm; }
p.note { font-size: 11pt; color: #555; margin: 0 0 2mm; }
.chart svg { width: 100%; height: auto; max-height: 122mm; }
"""


def pdf_html(slides: Sequence[Slide], svgs: Sequence[bytes], cover: Cover) -> str:
    """The pack as one HTML document: the title page, then a section per chart."""
    esc = html.escape
    parts = [
        '<section class="cover">',
        f"<h1>{esc(cover.title)}</h1>",
        *(f"<p>{esc(line)}</p>" for line in cover.lines),
        "</section>",
    ]
    for slide, svg in zip(slides, svgs, strict=True):
        drawing = svg.decode("utf-8")
        drawing = drawing[drawing.find("<svg") :]  # the SVG element itself, no XML prolog
        parts += [
            "<section>",
            f"<h2>{esc(slide.title)}</h2>",
            f'<p class="note">{esc(slide.note)}</p>' if slide.note else "",
            f'<div class="chart">{drawing}</div>',
            "</section>",
        ]
    body = "\n".join(parts)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(cover.title)}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>"
    )


def pdf_document(
    slides: Sequence[Slide], svgs: Sequence[bytes], cover: Cover, *, browser: str
) -> bytes:
    """Print `pdf_html` with headless Chromium (offline: a local file, no network)."""
    with tempfile.TemporaryDirectory(prefix="silta-pdf-") as folder:
        page, out = Path(folder) / "pack.html", Path(folder) / "pack.pdf"
        page.write_text(pdf_html(slides, svgs, cover), encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PRINT_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise RuntimeError(str(error)) from error
        if not out.exists() or out.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace")[-400:]
            raise RuntimeError(f"no PDF was written (exit {done.returncode}): {tail}")
        return out.read_bytes()
