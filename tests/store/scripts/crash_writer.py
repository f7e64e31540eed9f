"""A writer that is killed mid-transaction by the crash test.

Usage: ``python crash_writer.py WORKSPACE MODE PHOTO``. First commits three
findings (one with a photo), then starts one more write and stops inside its
transaction, printing ``HOLDING`` so the test can SIGKILL it there:

* ``record`` — a new finding with a photo: the photo file is already in the
  evidence folder, the finding, its event and its photo link are written but
  not committed;
* ``rectify`` — a rectification event with an after-photo, not committed;
* ``batch`` — a bulk import; the generator feeding it prints ``HOLDING`` after
  20,000 findings, in the middle of the single transaction, and keeps going slowly.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.evidence import ingest_photos
from qingyang_inspect.findings.ids import new_finding_id, number_of
from qingyang_inspect.findings.lifecycle import new_event
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.findings.recording import RecordRequest, build_finding, record_finding
from qingyang_inspect.findings.replay import photo_data
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def hold() -> None:
    print("HOLDING", flush=True)
    time.sleep(120)


def main() -> None:
    workspace = load_workspace(Path(sys.argv[1]))
    mode, photo = sys.argv[2], Path(sys.argv[3])
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace) as store:
        round_ = store.round("R1")
        committed = [
            record_finding(
                store,
                catalog,
                RecordRequest(
                    site_id="M1",
                    item_id="CM-EN-01",
                    result="fail",
                    inspector="张三",
                    photos=(photo,) if n == 0 else (),
                    confirmed=True,  # the round opened today, the findings are dated NOW
                ),
                now=NOW,
            ).finding
            for n in range(3)
        ]
        print("COMMITTED", *(f.id for f in committed), flush=True)
        request = RecordRequest(
            site_id="M2", item_id="NM-03-01", result="fail", inspector="李四", confirmed=True
        )
        if mode == "record":
            facts = build_finding(catalog, round_, request, now=NOW)
            stored = ingest_photos(store.evidence_dir, [photo.with_name("new.png")], stage="before")
            facts = facts._replace(photos=tuple(p.as_photo("before") for p in stored))
            with store.transaction():
                store.add_findings([facts])
                hold()
        elif mode == "rectify":
            stored = ingest_photos(store.evidence_dir, [photo.with_name("new.png")], stage="after")
            data = {
                "note": "done",
                "by": "x",
                "status": ["open", "rectified"],
                "photos": photo_data(p.as_photo("after") for p in stored),
            }
            with store.transaction():
                store.append_event(
                    new_event(committed[1], "rectified", at=NOW, now=NOW, actor="李四", data=data)
                )
                hold()
        elif mode == "batch":
            template = build_finding(catalog, round_, request, now=NOW)

            def many() -> Iterator[Finding]:

                for n in range(1_000_000):
                    if n == 20_000:
                        print("HOLDING", flush=True)
                    if n > 20_000:
                        time.sleep(0.001)
                    ident = new_finding_id(NOW)
                    yield template._replace(id=ident, number=number_of(ident))

            store.add_findings(many())
        else:
            raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
