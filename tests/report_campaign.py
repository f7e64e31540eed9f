"""A realistic campaign in a real workspace: the bundled Qingyang standards and sites, a real
store, real JPEG photos, several rounds — what a supervisor's reports are made of.

:func:`build_campaign` records, through the library's own recording and lifecycle
functions (photos ingested into the evidence store, thumbnails made at ingest):

* a supervision round in June at 11 sites: 66 problems with long notes, places and
  one to three photos each, some fixed on the spot; most rectified with an after
  photo, most of those re-checked and closed, a few sent back;
* a re-inspection round in July with a few new problems;
* an acceptance round in August at 4 sites over two days, every checklist item
  scored (some failed, a few not applicable).

Everything is seeded: the same call builds the same findings (ids aside).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.lifecycle import recheck, rectify
from qingyang_inspect.findings.recording import RecordRequest, open_round, record_finding
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import Workspace, load_workspace

REPO = Path(__file__).resolve().parents[1]
CST = dt.timezone(dt.timedelta(hours=8))
SUPERVISION = "2026年6月督导"
REINSPECTION = "2026年7月复查"
ACCEPTANCE = "2026年8月验收"
#: The as-of date the campaign's reports are made for.
AS_OF = dt.date(2026, 8, 10)

NOTES = [
    "垃圾桶满溢，周边地面散落塑料袋和纸屑，现场未见保洁人员",
    "公益广告牌褪色破损，画面内容为2023年旧版，需更换为新版文明城市创建宣传画面",
    "机动车占用人行道停放，共3辆，阻碍行人通行，未见管理人员劝导",
    "门店跨门经营，货物堆放至店外人行道约2米，影响通行",
    "消防通道堆放杂物（纸箱、废旧家具），通道宽度不足，存在安全隐患",
    "墙面有小广告和乱涂乱画，面积约1平方米，未及时清理",
    "绿化带内有烟头和饮料瓶，部分苗木缺株，裸露黄土",
    "公厕洗手台无洗手液，地面有积水，异味明显，保洁记录未按时填写",
    "电动自行车在楼道内充电，私拉电线，存在火灾隐患",
    "志愿服务站点无人值守，服务台资料摆放杂乱，未公示服务时间",
]
PLACES = ["东门入口处", "北侧围墙外", "2号楼单元门前", "停车场西北角", "主通道中段", "广场南侧"]
MEASURES = [
    "已安排专人清理并增加每日巡查频次",
    "已联系广告公司更换新版公益广告",
    "已劝离违停车辆，增设隔离桩",
    "已约谈商户并签订门前三包责任书",
    "已清理杂物，落实每周消防检查",
    "已清除小广告，安排专人定期巡查",
]


@dataclass(frozen=True)
class Campaign:
    """The workspace built, and what was recorded into it."""

    workspace: Workspace
    catalog: Catalog
    problems: int
    acceptance_sites: tuple[str, ...]


def make_photo(path: Path, rnd: random.Random, label: str, size: tuple[int, int]) -> Path:
    """A JPEG that looks like a site photo: sky, ground, a building, objects, a caption."""
    width, height = size
    img = Image.new("RGB", size, (150 + rnd.randint(0, 60), 190, 225))
    draw = ImageDraw.Draw(img)
    horizon = int(height * rnd.uniform(0.45, 0.6))
    draw.rectangle((0, horizon, width, height), fill=(110 + rnd.randint(0, 40), 105, 95))
    x = rnd.randint(0, width // 3)
    draw.rectangle(
        (x, horizon // 3, x + width // 2, horizon), fill=(200, 190 + rnd.randint(0, 40), 170)
    )
    for _ in range(6):
        cx, cy = rnd.randint(0, width), rnd.randint(horizon, height)
        r = rnd.randint(width // 40, width // 12)
        colour = (rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(0, 255))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
    font: ImageFont.ImageFont | ImageFont.FreeTypeFont = ImageFont.load_default()
    for candidate in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",):
        if Path(candidate).is_file():
            font = ImageFont.truetype(candidate, max(12, height // 14))
    draw.text((width // 30, height - height // 8), label, fill=(255, 255, 255), font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=85)
    return path


def copy_workspace(root: Path) -> Workspace:
    """A fresh workspace at ``root`` over copies of the bundled standards and sites."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "inspect.toml", root / "inspect.toml")
    for part in ("standards", "sites"):
        shutil.copytree(REPO / part, root / part, dirs_exist_ok=True)
    return load_workspace(root)


def build_campaign(root: Path, *, photo_size: tuple[int, int] = (1200, 900)) -> Campaign:
    """Record the campaign into a new workspace at ``root``."""
    rnd = random.Random(20260608)
    workspace = copy_workspace(root)
    catalog = load_workspace_catalog(workspace, use_cache=False)
    shots = root / "camera"
    sites = list(catalog.sites.values())
    problems = 0
    with Store.open(workspace) as store:

        def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
            return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=CST)

        def photo(label: str) -> Path:
            return make_photo(
                shots / f"{len(list(shots.glob('*.jpg'))):04d}.jpg", rnd, label, photo_size
            )

        def record(
            round_name: str, site_id: str, item_id: str, when: dt.datetime, **kw: object
        ) -> str:
            request = RecordRequest(
                site_id=site_id,
                item_id=item_id,
                inspector=rnd.choice(["王督导", "李检查", "张明"]),
                at=when,
                round_name=round_name,
                **kw,  # type: ignore[arg-type]
            )
            return record_finding(
                store, catalog, request, now=when + dt.timedelta(hours=2)
            ).finding.id

        # -- June supervision: 66 problems at 11 sites ------------------------------
        june = dt.date(2026, 6, 8)
        open_round(store, catalog, name=SUPERVISION, kind="supervision", date=june,
                   actor="王督导", now=at(june, 8, 0))  # fmt: skip
        fails: list[tuple[str, dt.datetime]] = []
        for n, site in enumerate(sites[:11]):
            day = june + dt.timedelta(days=n // 4)
            items = catalog.items_for_site(site.id)
            for k, item in enumerate(rnd.sample(items, min(6, len(items)))):
                when = at(day, 9 + k, rnd.randint(0, 59))
                on_spot = rnd.random() < 0.1
                photos = [
                    photo(f"{site.name} 问题{k + 1}") for _ in range(rnd.choice((1, 1, 2, 3)))
                ]
                fid = record(
                    SUPERVISION, site.id, item.id, when, result="fail",
                    count=rnd.randint(1, 3), note=rnd.choice(NOTES), location=rnd.choice(PLACES),
                    photos=photos, on_spot=on_spot,
                )  # fmt: skip
                problems += 1
                if not on_spot:
                    fails.append((fid, when))
        for n, (fid, when) in enumerate(fails):
            if n % 10 >= 7:
                continue  # about 30 % never rectified: open, most of them overdue
            fixed = when + dt.timedelta(days=rnd.randint(1, 6))
            rectify(store, catalog, fid, note=rnd.choice(MEASURES), actor="社区工作人员",
                    now=fixed, photos=[photo("整改后")])  # fmt: skip
            if n % 10 < 5:
                recheck(store, fid, passed=True, actor="王督导", now=fixed + dt.timedelta(days=2))
            elif n % 10 == 5:
                recheck(store, fid, passed=False, actor="王督导",
                        now=fixed + dt.timedelta(days=2), note="仍有部分杂物未清理")  # fmt: skip

        # -- July re-inspection: a few new problems ---------------------------------
        july = dt.date(2026, 7, 15)
        open_round(store, catalog, name=REINSPECTION, kind="re-inspection", date=july,
                   actor="王督导", now=at(july, 8, 0))  # fmt: skip
        for n, site in enumerate(sites[:11:2]):
            item = rnd.choice(catalog.items_for_site(site.id))
            record(REINSPECTION, site.id, item.id, at(july, 9 + n, 10), result="fail",
                   count=1, note=rnd.choice(NOTES), location=rnd.choice(PLACES),
                   photos=[photo(f"{site.name} 复查")])  # fmt: skip
            problems += 1

        # -- August acceptance at 4 sites, every item -------------------------------
        august = dt.date(2026, 8, 3)
        open_round(store, catalog, name=ACCEPTANCE, kind="acceptance", date=august,
                   actor="王督导", now=at(august, 8, 0))  # fmt: skip
        accepted = tuple(site.id for site in sites[:4])
        for n, site_id in enumerate(accepted):
            day = august + dt.timedelta(days=n // 2)
            for k, item in enumerate(catalog.items_for_site(site_id)):
                when = at(day, 9 + k // 12, (k * 5) % 60)
                roll = rnd.random()
                if roll < 0.2:
                    record(ACCEPTANCE, site_id, item.id, when, result="fail",
                           count=rnd.randint(1, 2), note=rnd.choice(NOTES),
                           location=rnd.choice(PLACES))  # fmt: skip
                    problems += 1
                elif roll < 0.24:
                    record(ACCEPTANCE, site_id, item.id, when, result="na",
                           note="该点位无此设施，不适用")  # fmt: skip
                else:
                    record(ACCEPTANCE, site_id, item.id, when, result="pass")
    return Campaign(workspace, catalog, problems, accepted)
