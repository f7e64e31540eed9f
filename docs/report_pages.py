"""Render the README's page images of the reports and the bulletin from a realistic campaign.

::

    .venv/bin/python docs/report_pages.py [FOLDER]

Records the campaign of ``tests/report_campaign.py`` (the bundled Qingyang
workspace, a real store, JPEG photos: a June supervision round at 11 sites, a
July re-inspection, an August acceptance round at 4 sites) into FOLDER (default
a temporary folder), then runs the commands below, printing each: the two
reports and the bulletin through ``inspect``, LibreOffice to PDF, ``pdftoppm``
for one page of each, written to ``docs/``.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
sys.path.insert(0, str(REPO / "tests"))

from report_campaign import ACCEPTANCE, AS_OF, build_campaign  # noqa: E402

INSPECT = str(Path(sys.executable).parent / "inspect")


def run(*argv: str) -> None:
    """Run ``argv``, printing it as a shell line first."""
    print("$", " ".join(shlex.quote(a) for a in argv), flush=True)
    subprocess.run(argv, check=True)


def main() -> None:
    """Build the campaign, write both reports, render one page of each to docs/."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    workspace = folder / "ws"
    build_campaign(workspace)
    out = folder / "out"
    out.mkdir(parents=True, exist_ok=True)
    as_of = AS_OF.isoformat()
    base = (INSPECT, "--workspace", str(workspace), "report")
    run(*base, "rectification", "--as-of", as_of, "--photos-dir", str(out / "照片"),
        "-o", str(out / "ledger.xlsx"), "--force")  # fmt: skip
    run(*base, "acceptance", "--round", ACCEPTANCE, "--as-of", as_of,
        "-o", str(out / "acceptance.xlsx"), "--force")  # fmt: skip
    run(*base, "bulletin", "--since", "2026-06-01", "--until", as_of, "--issue", "8",
        "-o", str(out / "bulletin.docx"), "--force")  # fmt: skip
    files = [str(out / name) for name in ("ledger.xlsx", "acceptance.xlsx", "bulletin.docx")]
    run("soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *files)
    # The first page of the printable ledger; the acceptance summary and its rates chart;
    # the bulletin's first page.
    chart = _page(out / "acceptance.pdf", "各点位得分率")
    for pdf, page, name in (
        ("ledger.pdf", 1, "ledger-page"),
        ("acceptance.pdf", 1, "acceptance-summary"),
        ("acceptance.pdf", chart, "acceptance-chart"),
        ("bulletin.pdf", 1, "bulletin-page"),
    ):
        run("pdftoppm", "-png", "-r", "100", "-f", str(page), "-l", str(page), "-singlefile",
            str(out / pdf), str(DOCS / name))  # fmt: skip


def _page(pdf: Path, text: str) -> int:
    """The first page (1-based) of ``pdf`` holding ``text``."""
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return next(n for n, page in enumerate(pages, 1) if text in page)


if __name__ == "__main__":
    main()
