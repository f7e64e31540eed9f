"""``inspect standards …`` and ``inspect sites …`` over the minimal and the bundled workspace."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_standards_list_json_carries_points_and_scoring(run_cli, minimal_workspace: Path) -> None:
    result = run_cli("-w", str(minimal_workspace), "standards", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    items = {i["id"]: i for i in json.loads(result.stdout)}
    assert list(items) == ["CM-AD-01", "CM-EN-01", "NM-03-01", "CM-SF-01", "NM-04-01"]
    assert items["CM-EN-01"]["points"] == 6
    assert items["CM-EN-01"]["scoring"] == {"mode": "deduction", "per_occurrence": 1.0}
    assert items["NM-03-01"]["scoring"] == {
        "mode": "graded",
        "coefficients": [1.0, 0.66, 0.33, 0.0],
    }
    assert items["CM-SF-01"]["veto"] is True
    # rectification days fall back to the standard's default where the item sets none
    assert items["NM-03-01"]["rectification_days"] is None
    assert items["NM-03-01"]["effective_rectification_days"] == 5
    assert items["CM-AD-01"]["category_name"] == "公益宣传"


def test_standards_list_filters_in_checklist_order(run_cli, minimal_workspace: Path) -> None:
    ws = str(minimal_workspace)
    result = run_cli(
        "-w", ws, "standards", "list", "-t", "market", "-c", "environment", "-f", "json"
    )
    assert [i["id"] for i in json.loads(result.stdout)] == ["CM-EN-01", "NM-03-01"]
    result = run_cli("-w", ws, "standards", "list", "-t", "alley")
    assert result.exit_code == 0
    assert "CM-SF-01" in result.stdout and "NM-03-01" not in result.stdout
    assert "测评内容（3 项）" in result.stdout


def test_unknown_filter_is_a_usage_error(run_cli, minimal_workspace: Path) -> None:
    result = run_cli("-w", str(minimal_workspace), "standards", "list", "-t", "markt")
    assert result.exit_code == 2
    assert "未定义的点位类型 'markt'" in result.stderr
    assert "inspect standards show" in result.stderr


def test_standards_show_header_and_item(run_cli, minimal_workspace: Path) -> None:
    ws = str(minimal_workspace)
    header = json.loads(run_cli("-w", ws, "standards", "show", "-f", "json").stdout)
    assert header["standard"]["version"] == "1.0"
    assert header["standard"]["verdicts"]["levels"]["city"] == {"met": 95.0, "basically_met": 85.0}
    assert {t["id"]: t["items"] for t in header["site_types"]} == {"market": 4, "alley": 3}
    shown = run_cli("-w", ws, "standards", "show", "CM-EN-01")
    assert shown.exit_code == 0
    assert "扣分制：每例扣 1 分，扣完为止" in shown.stdout
    assert "每1平方米以内垃圾计1例" in shown.stdout
    english = run_cli("--lang", "en", "-w", ws, "standards", "show", "CM-EN-01")
    assert "deduction: 1 per occurrence, floored at 0" in english.stdout


def test_unknown_item_suggests_the_closest(run_cli, minimal_workspace: Path) -> None:
    result = run_cli("-w", str(minimal_workspace), "standards", "show", "CM-EN-1")
    assert result.exit_code == 2
    assert "未知测评内容 'CM-EN-1'" in result.stderr and "CM-EN-01" in result.stderr


def test_sites_list_and_show(run_cli, minimal_workspace: Path) -> None:
    ws = str(minimal_workspace)
    listed = json.loads(
        run_cli("-w", ws, "sites", "list", "--street", "草堂街道", "-f", "json").stdout
    )
    assert [s["id"] for s in listed] == ["M1", "A1"]
    city = json.loads(run_cli("-w", ws, "sites", "list", "--level", "city", "-f", "json").stdout)
    assert [s["id"] for s in city] == ["M1"]
    shown = json.loads(run_cli("-w", ws, "sites", "show", "A1", "-f", "json").stdout)
    assert shown["applicable_items"] == ["CM-AD-01", "CM-EN-01", "CM-SF-01"]
    assert shown["total_points"] == 15
    assert shown["cooperating_departments"] == ["区住建交通局"]
    table = run_cli("-w", ws, "sites", "show", "A1")
    assert "测试小巷" in table.stdout and "区综合执法局" in table.stdout


def test_unknown_site_is_a_usage_error_with_suggestion(run_cli, minimal_workspace: Path) -> None:
    result = run_cli("--lang", "en", "-w", str(minimal_workspace), "sites", "show", "m1")
    assert result.exit_code == 2
    assert "unknown site 'm1'; did you mean 'M1'?" in result.stderr
    assert "Traceback" not in result.output


def test_bundled_workspace_browses(run_cli) -> None:
    sites = json.loads(run_cli("-w", str(REPO), "sites", "list", "-f", "json").stdout)
    assert len(sites) == 130
    assert sum(s["level"] == "city" for s in sites) == 10
    names = {s["name"] for s in sites}
    for named in (
        "青羊新城万达商圈·蓉城驿站党群服务中心",
        "草堂路社区",
        "琴台路社区",
        "石人北路社区",
        "八宝社区",
    ):
        assert named in names
    assert all(s["applicable_items"] for s in sites)


def test_invalid_catalog_refuses_with_the_first_error(run_cli, minimal_workspace: Path) -> None:
    path = minimal_workspace / "standards" / "standard.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("points: 6", "points: -6"), "utf-8")
    result = run_cli("-w", str(minimal_workspace), "sites", "list")
    assert result.exit_code == 2
    assert "points: 必须大于 0" in result.stderr
    assert "inspect validate" in result.stderr


def test_no_workspace_is_a_clear_error(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("sites", "list")
    assert result.exit_code == 2
    assert "找不到工作区" in result.stderr and "inspect init" in result.stderr
