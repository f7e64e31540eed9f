"""The worked example of the README: an acceptance round over the minimal workspace.

Hand-computed results (minimal workspace, ``tests/examples/valid/minimal``):

M1 测试农贸市场 (market, city level: thresholds 95 / 85; weights publicity 40, environment 60)
  CM-AD-01  publicity    4  pass_fail  pass                      → 4
  CM-EN-01  environment  6  deduction 1/例  fail 1 + 1 (one 立行立改) = 2 例 → 6 − 2 = 4
  NM-03-01  environment 10  graded     pass                      → 10
  NM-04-01  publicity    2  pass_fail  pass                      → 2
  应得分 22, 实得分 20 (plain rate 90.91 %)
  weighted: 40 × 6/6 + 60 × 14/16 = 40 + 52.5 = 92.50 %
  city thresholds: 85 ≤ 92.50 < 95 → 基本达标 (a district-level site would be 达标)

M2 第二农贸市场 (market, district level: 90 / 80)
  CM-AD-01  publicity    4  unchecked                            → leaves both sums
  NM-04-01  publicity    2  不适用 (市场装修，暂无经营户)          → leaves both sums
  CM-EN-01  environment  6  deduction 1/例  fail 7 例           → max(0, 6 − 7) = 0
  NM-03-01  environment 10  graded     fail 2 例 → C: 10 × 0.33  → 3.3
  应得分 16, 实得分 3.3
  weighted, only environment checked → weights renormalised: 100 × 3.3/16 = 20.625
  → displayed 20.63 % (half up); CM-AD-01 unchecked → 未完成 (no verdict, no rank);
  coverage 2 / 3 = 66.67 %

A1 测试小巷 (alley, district level: 90 / 80; no weights)
  CM-AD-01  publicity    4  pass_fail  pass (a voided fail is ignored) → 4
  CM-EN-01  environment  6  deduction  fail 1 例                → 5
  CM-SF-01  safety       5  pass_fail, veto  fail 1 例          → 0
  应得分 15, 实得分 9, 60.00 % → 不达标 (一票否决 CM-SF-01)

Ranking of complete sites by verdict, then rate: M1 (基本达标) 1, A1 (不达标) 2; M2 未完成,
unranked. Subtotals count each site once: 草堂街道 M1 + A1 = 0 达标 + 1 基本达标 + 1 不达标
+ 0 未完成, mean rate of complete sites (92.50 + 60.00) / 2 = 76.25; 府南街道 M2 = 1 未完成.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.loader import load_catalog
from qingyang_inspect.findings.model import Finding, Photo, Round

MINIMAL = Path(__file__).resolve().parent / "examples" / "valid" / "minimal"

ROUND = "2026验收"
SUPERVISION = "2026督导第1轮"
AS_OF = dt.date(2026, 8, 10)

#: site -> (possible, earned, displayed rate, verdict, incomplete, displayed coverage %)
EXPECTED: dict[str, tuple[Decimal, Decimal, Decimal, str, bool, Decimal]] = {
    "M1": (Decimal("22"), Decimal("20"), Decimal("92.50"), "basically_met", False, Decimal("100")),
    "M2": (Decimal("16"), Decimal("3.3"), Decimal("20.63"), "incomplete", True, Decimal("66.67")),
    "A1": (Decimal("15"), Decimal("9"), Decimal("60.00"), "not_met", False, Decimal("100")),
}
#: Complete sites ranked by verdict, then rate; M2 is 未完成 (unchecked items): no rank.
RANKS: dict[str, int | None] = {"M1": 1, "A1": 2, "M2": None}

#: The ledger's data columns (the 23 the issue fixes, and the problem number second).
LEDGER_HEADERS_ZH = [
    "序号", "问题编号", "轮次", "发现日期", "点位编号", "点位名称", "点位类型", "街道", "条目编号",
    "测评内容", "问题描述", "例数", "问题照片", "责任单位", "牵头部门", "整改时限(天)", "截止日期",
    "状态", "是否逾期", "整改情况", "整改后照片", "复查结果", "销号日期", "备注",
]  # fmt: skip


def minimal_catalog() -> Catalog:
    """The catalog of the minimal example workspace."""
    result = load_catalog([MINIMAL / "standards", MINIMAL / "sites"])
    assert result.catalog is not None, result.report
    return result.catalog


_counter = 0


def finding(
    site: str,
    item: str,
    result: str,
    occurrences: int = 0,
    *,
    round_name: str = ROUND,
    day: int = 3,
    month: int = 8,
    **extra: Any,
) -> Finding:
    """A finding with a fresh, ordered id; fail findings default to status open.

    Ids and found times grow with a counter shared by the whole test process, so they
    must keep their order and their day however many findings earlier tests made:
    six digits, and one second apart (a minute apart, the 1,440th finding of a
    worker moved to the next day and changed the ledger's first row).
    """
    global _counter
    _counter += 1
    fields: dict[str, Any] = {
        "id": f"F{_counter:06d}",
        "round_name": round_name,
        "site_id": site,
        "item_id": item,
        "result": result,
        "occurrences": occurrences,
        "inspector": "张检查",
        "found_at": dt.datetime(2026, month, day, 9, 0) + dt.timedelta(seconds=_counter),
        "status": "open" if result == "fail" else None,
    }
    if result == "fail":
        fields["due_date"] = fields["found_at"].date() + dt.timedelta(days=3)
    fields.update(extra)
    return Finding(**fields)


def acceptance_findings() -> list[Finding]:
    """The acceptance round of the worked example, in recording order."""
    return [
        finding("M1", "CM-AD-01", "pass"),
        finding("M1", "CM-EN-01", "fail", 1, note="入口处积存垃圾"),
        finding("M1", "CM-EN-01", "fail", 1, note="水产区地面垃圾", on_spot=True, status="closed"),
        finding("M1", "NM-03-01", "pass"),
        finding("M1", "NM-04-01", "pass"),
        finding("M2", "NM-04-01", "na", note="市场装修，暂无经营户"),
        finding("M2", "CM-EN-01", "fail", 7, note="多处积存垃圾"),
        finding("M2", "NM-03-01", "fail", 2, note="排水沟堵塞积水"),
        finding("A1", "CM-AD-01", "fail", 1, note="误录", voided=True),
        finding("A1", "CM-AD-01", "pass", inspector="李复核"),
        finding("A1", "CM-EN-01", "fail", 1, note="=巷口堆放杂物"),
        finding("A1", "CM-SF-01", "fail", 1, note="消防通道被电动车堵塞"),
    ]


def supervision_findings() -> list[Finding]:
    """An earlier supervision round: problems in every status, some overdue by AS_OF."""
    ev = "ab/" + "ab" * 32
    return [
        finding(
            "M1",
            "CM-EN-01",
            "fail",
            2,
            round_name=SUPERVISION,
            month=6,
            day=2,
            note="垃圾桶满溢",
            status="closed",
            rectification_note="已清运并增加清运频次",
            rectified_by="测试市场管理公司",
            rectified_at=dt.datetime(2026, 6, 3, 10, 0),
            recheck_result="pass",
            closed_at=dt.datetime(2026, 6, 4, 15, 0),
            photos=(Photo("ab" * 32, "before.jpg", "before", ev + ".jpg"),),
        ),
        finding(
            "M2",
            "CM-AD-01",
            "fail",
            1,
            round_name=SUPERVISION,
            month=6,
            day=2,
            note="@公益广告褪色",
            status="rectified",
            rectification_note="已更换画面",
            rectified_at=dt.datetime(2026, 6, 4, 10, 0),
        ),
        finding(
            "A1",
            "CM-SF-01",
            "fail",
            1,
            round_name=SUPERVISION,
            month=6,
            day=3,
            note="+消防通道堆放杂物",
            recheck_result="reject",
            recheck_note="仍有杂物",
        ),
        finding("A1", "CM-AD-01", "pass", round_name=SUPERVISION, month=6, day=3),
    ]


def rounds() -> dict[str, Round]:
    """The two rounds of the example."""
    opened = dt.datetime(2026, 6, 1, 8, 0)
    return {
        SUPERVISION: Round(
            SUPERVISION,
            "supervision",
            dt.date(2026, 6, 2),
            "test-standard",
            "1.0",
            "closed",
            opened,
        ),
        ROUND: Round(
            ROUND, "acceptance", dt.date(2026, 8, 3), "test-standard", "1.0", "open", opened
        ),
    }
