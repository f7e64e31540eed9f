"""Three supervision rounds over six weeks in the minimal workspace, for the progress report
and the bulletin: rectifications on time and late, problems never rectified, and problems
recurring after being closed (回头看).

Sites: M1 (草堂街道, 测试市场管理公司), M2 (府南街道, 第二市场管理公司), A1 (草堂街道,
草堂街道办事处). Due dates are given, so the expected figures can be worked out by hand:

=====  =====  =========  =====  ================================================
round  site   item       due    what happens
=====  =====  =========  =====  ================================================
R1     M1     CM-EN-01   09-04  rectified 09-03, closed 09-04 (on time)       a1
R1     M1     NM-03-01   09-04  rectified 09-07, closed 09-08 (late)          a2
R1     M2     CM-AD-01   09-04  nothing done (overdue)                        a3
R1     A1     CM-SF-01   09-04  rectified 09-02, closed 09-03 (on time)       a4
R1     M2     CM-EN-01   —      pass (not a problem)
R2     M1     CM-EN-01   09-18  recurs after a1; closed 09-18 (on time)       b1
R2     A1     CM-SF-01   09-18  recurs after a4; rectified 09-21, not closed  b2
R2     M2     NM-04-01   09-18  rectified 09-24, closed 09-25 (late)          b3
R3     M1     NM-03-01   10-16  recurs after a2; open                         c1
R3     M2     CM-AD-01   10-16  open (a3 was never closed: no recurrence)     c2
R3     A1     CM-AD-01   10-14  closed 10-14 (on time)                        c3
=====  =====  =========  =====  ================================================
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.lifecycle import recheck, rectify
from qingyang_inspect.findings.recording import RecordRequest, open_round, record_finding
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from report_campaign import make_photo

CST = dt.timezone(dt.timedelta(hours=8))
R1, R2, R3 = "第一轮督导", "第二轮督导", "第三轮督导"
MINIMAL = Path(__file__).resolve().parent / "examples" / "valid" / "minimal"
SINCE = dt.date(2026, 9, 1)
UNTIL = dt.date(2026, 10, 16)


def at(month: int, day: int, hour: int = 10) -> dt.datetime:
    """A moment of 2026 in Chengdu."""
    return dt.datetime(2026, month, day, hour, 0, tzinfo=CST)


def record_rounds(store: Store, catalog: Catalog, shots: Path) -> dict[str, str]:
    """Record the three rounds; the problems' numbers by their names in the table above."""
    rnd = random.Random(15)
    numbers: dict[str, str] = {}

    def record(
        name: str,
        round_name: str,
        site: str,
        item: str,
        when: dt.datetime,
        due: dt.date | None,
        result: str = "fail",
        note: str | None = None,
    ) -> str:
        photos = []
        if result == "fail":
            photos = [make_photo(shots / f"{name}.jpg", rnd, f"{site} {name}", (480, 360))]
        request = RecordRequest(
            site_id=site, item_id=item, result=result, inspector="王督导", at=when,
            due=due, round_name=round_name, note=note, photos=photos,
            count=1 if result == "fail" else None,
        )  # fmt: skip
        finding = record_finding(store, catalog, request, now=when + dt.timedelta(hours=1)).finding
        numbers[name] = finding.number
        return finding.id

    def fix(fid: str, day: dt.datetime) -> None:
        rectify(store, catalog, fid, note="已整改", actor="责任单位", now=day)

    def close(fid: str, day: dt.datetime) -> None:
        recheck(store, fid, passed=True, actor="王督导", now=day)

    for name, date in ((R1, dt.date(2026, 9, 1)), (R2, dt.date(2026, 9, 15)),
                       (R3, dt.date(2026, 10, 13))):  # fmt: skip
        opened = dt.datetime.combine(date, dt.time(8), tzinfo=CST)
        open_round(store, catalog, name=name, kind="supervision", date=date, actor="王督导",
                   now=opened)  # fmt: skip
        if name == R1:
            d = dt.date(2026, 9, 4)
            a1 = record("a1", R1, "M1", "CM-EN-01", at(9, 1), d, note="地面有垃圾")
            a2 = record("a2", R1, "M1", "NM-03-01", at(9, 1, 11), d, note="排水沟积水")
            record("a3", R1, "M2", "CM-AD-01", at(9, 1, 14), d, note="缺少公益广告")
            a4 = record("a4", R1, "A1", "CM-SF-01", at(9, 1, 15), d, note="消防通道堆放杂物")
            record("pass", R1, "M2", "CM-EN-01", at(9, 1, 16), None, result="pass")
            fix(a1, at(9, 3)), close(a1, at(9, 4))
            fix(a2, at(9, 7)), close(a2, at(9, 8))
            fix(a4, at(9, 2)), close(a4, at(9, 3))
        elif name == R2:
            d = dt.date(2026, 9, 18)
            b1 = record("b1", R2, "M1", "CM-EN-01", at(9, 15), d, note="地面又有垃圾")
            b2 = record("b2", R2, "A1", "CM-SF-01", at(9, 15, 11), d, note="通道再次堵塞")
            b3 = record("b3", R2, "M2", "NM-04-01", at(9, 15, 14), d, note="证照未公示")
            fix(b1, at(9, 17)), close(b1, at(9, 18))
            fix(b2, at(9, 21))
            fix(b3, at(9, 24)), close(b3, at(9, 25))
        else:
            record("c1", R3, "M1", "NM-03-01", at(10, 13), dt.date(2026, 10, 16), note="又有积水")
            record("c2", R3, "M2", "CM-AD-01", at(10, 13, 11), dt.date(2026, 10, 16))
            c3 = record("c3", R3, "A1", "CM-AD-01", at(10, 13, 14), dt.date(2026, 10, 14))
            fix(c3, at(10, 14)), close(c3, at(10, 14, 16))
    return numbers


def build(root: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the minimal workspace at ``root / "ws"`` with the three rounds recorded;
    the workspace folder and the problems' numbers."""
    ws = root / "ws"
    shutil.copytree(MINIMAL, ws)
    workspace = load_workspace(ws)
    catalog = load_workspace_catalog(workspace, use_cache=False)
    with Store.open(workspace) as store:
        numbers = record_rounds(store, catalog, root / "shots")
    return ws, numbers
