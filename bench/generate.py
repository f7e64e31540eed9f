"""Deterministic synthetic workspaces for the benchmarks.

``generate_workspace(root, Size(...), seed=...)`` writes a complete workspace
(``inspect.toml``, ``standards/*.yaml``, ``sites/*.yaml``) that passes
``inspect validate`` without errors or warnings: a standard header, site types
(some with category weights), categories, items in all three scoring modes
with Chinese requirement text and ids like ``G01-03-07``, and sites with
Chinese names, streets, responsible units and departments. The same size and
seed always give the same bytes.

``generate_findings(spec, ...)`` yields findings over several rounds (pass,
fail with occurrences, not applicable with a reason) with Chinese notes, and
the lifecycle of the failures (rectified, closed or sent back). They are
plain rows; :func:`write_findings` hands them to the store's bulk API.

Run as a script to write a workspace by hand::

    .venv/bin/python bench/generate.py /tmp/ws --items 2000 --sites 1000 --site-types 10
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

DEFAULT_SEED = 20260601
#: Chengdu time; the store wants aware datetimes.
CST = dt.timezone(dt.timedelta(hours=8))

# --- vocabulary --------------------------------------------------------------------------

#: (id, 中文名, English name): the categories (测评项目) in walking order.
CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("publicity", "公益宣传", "Public-service publicity"),
    ("public_order", "公共秩序", "Public order"),
    ("environment", "环境卫生", "Environment and sanitation"),
    ("business_order", "经营秩序", "Business order"),
    ("parking", "停车秩序", "Parking order"),
    ("traffic", "交通秩序", "Traffic order"),
    ("infrastructure", "基础设施", "Infrastructure"),
    ("safety", "安全消防", "Safety and fire protection"),
    ("service", "服务规范", "Service standards"),
    ("records", "台账资料", "Records and files"),
    ("volunteering", "志愿服务", "Volunteer service"),
    ("minors", "未成年人思想道德建设", "Minors' moral education"),
)

#: (id, 中文名, English, site-name patterns, responsible-unit pattern, lead department).
#: ``{p}`` is a place name, ``{r}`` a road, ``{s}`` the street (街道) without 街道.
SITE_TYPES: tuple[tuple[str, str, str, tuple[str, ...], str, str], ...] = (
    (
        "farmers_market",
        "农贸市场",
        "Farmers' market",
        ("{p}农贸市场", "{p}菜市场", "{r}生鲜市场"),
        "{p}市场管理有限公司",
        "区商务局",
    ),
    (
        "main_road",
        "主次干道",
        "Main road",
        ("{r}", "{r}（{p}段）"),
        "{s}街道办事处",
        "区综合执法局",
    ),
    (
        "commercial_street",
        "商业大街",
        "Commercial street",
        ("{r}商业街", "{p}美食街区", "{p}步行街"),
        "{s}街道办事处",
        "区商务局",
    ),
    (
        "service_hall",
        "政务服务大厅",
        "Government service hall",
        ("{s}街道便民服务中心", "{p}党群服务中心"),
        "{s}街道办事处",
        "区政务服务中心",
    ),
    (
        "hospital",
        "医院",
        "Hospital",
        ("青羊区{p}医院", "{p}社区卫生服务中心"),
        "{p}医院",
        "区卫健局",
    ),
    (
        "school",
        "中小学校",
        "Primary or secondary school",
        ("{p}小学", "{p}中学", "青羊实验{p}学校"),
        "{p}学校",
        "区教育局",
    ),
    (
        "back_alley",
        "背街小巷",
        "Back street or alley",
        ("{p}巷", "{r}北二巷", "{p}横街"),
        "{s}街道办事处",
        "区住建交通局",
    ),
    (
        "community",
        "社区",
        "Community",
        ("{p}社区", "{p}路社区"),
        "{p}社区居民委员会",
        "区委社治委",
    ),
    (
        "residential_compound",
        "小区",
        "Residential compound",
        ("{p}小区", "{p}花园", "{p}苑"),
        "{p}物业服务有限公司",
        "区住建交通局",
    ),
    (
        "bus_stop",
        "公交站点",
        "Bus stop",
        ("{r}公交站", "{p}地铁站B口公交站"),
        "成都公交集团青羊片区",
        "区住建交通局",
    ),
    (
        "park_square",
        "公园广场",
        "Park or square",
        ("{p}公园", "{p}广场", "{p}绿道驿站"),
        "{p}公园管理处",
        "区公园城市局",
    ),
    (
        "construction_site",
        "建筑工地",
        "Construction site",
        ("{p}安置房项目工地", "{r}改造工程工地"),
        "中建{n}局{p}项目部",
        "区住建交通局",
    ),
    (
        "tourist_site",
        "旅游景区",
        "Tourist site",
        ("{p}景区", "{p}文化街区"),
        "{p}景区管理公司",
        "区文体旅局",
    ),
    (
        "station",
        "车站",
        "Station",
        ("{p}客运站", "{r}地铁站"),
        "{p}客运站",
        "区住建交通局",
    ),
    (
        "library",
        "图书馆文化馆",
        "Library or cultural centre",
        ("{p}图书馆", "{p}文化馆"),
        "{p}文化馆",
        "区文体旅局",
    ),
)

STREETS: tuple[str, ...] = (
    "少城",
    "西御河",
    "汪家拐",
    "草市街",
    "新华西路",
    "草堂",
    "府南",
    "光华",
    "金沙",
    "黄田坝",
    "苏坡",
    "文家",
    "康河",
    "蔡桥",
)

PLACES: tuple[str, ...] = (
    "宽巷子",
    "窄巷子",
    "琴台",
    "草堂",
    "浣花",
    "青华",
    "光华",
    "金沙",
    "百花",
    "双清",
    "石人",
    "八宝",
    "同仁",
    "支矶石",
    "奎星楼",
    "将军",
    "清江",
    "万家湾",
    "新康",
    "杜甫",
    "青羊宫",
    "文殊",
    "太升",
    "西御",
    "东城根",
    "长顺",
    "江汉",
    "黄田",
    "锦城",
    "彩虹",
    "贝森",
    "清源",
    "蜀鑫",
    "文和",
    "腾飞",
    "培风",
    "敬业",
    "瑞联",
    "苏坡",
    "金祥",
)

ROADS: tuple[str, ...] = (
    "蜀都大道",
    "清江中路",
    "光华大道",
    "青华路",
    "琴台路",
    "支矶石街",
    "长顺上街",
    "东城根街",
    "人民中路",
    "西大街",
    "草市街",
    "金沙遗址路",
    "顺城大街",
    "锦里西路",
    "青羊大道",
    "日月大道",
    "一环路西一段",
    "二环路西二段",
    "抚琴西路",
    "营门口路",
)

DEPARTMENTS: tuple[str, ...] = (
    "区委宣传部",
    "区委社治委",
    "区综合执法局",
    "区商务局",
    "区卫健局",
    "区教育局",
    "区民政局",
    "区市场监管局",
    "区住建交通局",
    "区公园城市局",
    "区应急管理局",
    "青羊公安分局",
    "团区委",
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
TITLES = ("主任", "书记", "科长", "经理", "站长", "校长", "院长", "所长")

#: Requirement text per category: ``{where}`` and ``{n}`` are filled in.
REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "publicity": (
        "{where}设置社会主义核心价值观宣传不少于{n}处，内容规范、画面完好、无褪色破损。",
        "公益广告不少于{n}处，“文明健康 有你有我”主题不少于2处，相邻两处间隔不少于10米。",
        "{where}电子显示屏滚动播放文明城市创建公益宣传内容，每日播放不少于{n}小时。",
        "{where}设置“讲文明树新风”宣传栏，内容每季度更新，无过期、破损、遮挡。",
    ),
    "public_order": (
        "{where}无乱贴乱画、乱拉乱挂，无散发小广告现象。",
        "{where}无占道经营、店外经营和流动摊贩，发现{n}处及以上计为不符合。",
        "{where}秩序良好，无打架斗殴、大声喧哗、随地吐痰等不文明行为。",
        "{where}排队有序，设置一米线或排队护栏，无插队现象。",
    ),
    "environment": (
        "{where}地面干净整洁，无积存垃圾、无卫生死角、无积水。",
        "{where}垃圾桶摆放规范、分类标识清晰，无满溢、无异味，每日清运不少于{n}次。",
        "公共厕所干净无异味，设施完好，有专人保洁，保洁记录齐全。",
        "{where}绿化带无枯死缺株，无垃圾杂物，无黄土裸露。",
        "{where}墙面、立面整洁，无乱涂乱画，无破损脱落。",
    ),
    "business_order": (
        "经营户亮证经营，营业执照、价格公示牌等悬挂于{where}醒目位置。",
        "明码标价，计量器具经检定合格，设置公平秤不少于{n}台。",
        "{where}商品摆放整齐，不超出门店和摊位范围经营。",
        "无销售假冒伪劣商品、过期变质食品行为，索证索票台账齐全。",
    ),
    "parking": (
        "{where}机动车、非机动车停放有序，设置停放区域标线。",
        "共享单车停放在划定区域内，无乱停乱放，巡查不少于每日{n}次。",
        "{where}无机动车占用人行道、盲道、消防通道停放。",
    ),
    "traffic": (
        "{where}交通标志、标线清晰完好，信号灯运行正常。",
        "行人、非机动车各行其道，无闯红灯、翻越护栏现象，文明劝导员不少于{n}名。",
        "机动车礼让斑马线，{where}无违法鸣笛、乱穿马路现象。",
    ),
    "infrastructure": (
        "{where}盲道连续畅通，无破损、无占用。",
        "{where}路灯、座椅、护栏等设施完好，破损在{n}日内修复。",
        "无障碍设施（坡道、扶手、无障碍卫生间）完好可用，标识清晰。",
        "{where}井盖齐全平整，无缺失、破损、移位。",
    ),
    "safety": (
        "{where}消防器材配备齐全、在有效期内，每月检查不少于{n}次并有记录。",
        "消防通道、安全出口畅通，无堆放杂物、无锁闭。",
        "{where}无私拉乱接电线、电动自行车违规充电现象。",
        "{where}设置禁烟标识，室内无吸烟现象。",
    ),
    "service": (
        "工作人员佩戴工牌、着装整洁、使用文明用语，服务热情。",
        "{where}设置投诉点并公示投诉电话，投诉处理有记录，{n}个工作日内答复。",
        "{where}设置便民服务设施（饮水、雨具、老花镜、急救药箱）不少于{n}项。",
    ),
    "records": (
        "创建工作有方案、有分工、有台账，资料按月归档。",
        "整改台账完整，问题、措施、时限、责任人、整改前后照片齐全。",
        "每月开展自查不少于{n}次，自查记录和整改情况可查。",
    ),
    "volunteering": (
        "{where}设置志愿服务站点，每周开展志愿服务不少于{n}次。",
        "志愿者在“志愿四川”平台注册，服务时长记录完整。",
        "{where}有学雷锋志愿服务宣传和志愿者风采展示。",
    ),
    "minors": (
        "周边200米内无网吧、歌舞娱乐场所，无向未成年人售烟售酒现象。",
        "{where}设置未成年人思想道德建设宣传内容不少于{n}处。",
        "开展“我们的节日”等未成年人主题实践活动，每学期不少于{n}次并有记录。",
    ),
}

WHERE: tuple[str, ...] = (
    "出入口",
    "主通道",
    "公共区域",
    "服务大厅",
    "周边50米范围内",
    "沿街立面",
    "停车场",
    "候车区",
    "活动广场",
    "院坝",
)

FAIL_NOTES: tuple[str, ...] = (
    "{where}发现{n}处公益广告破损、褪色",
    "{where}垃圾桶满溢，周边有散落垃圾{n}处",
    "{where}有{n}处小广告未清理",
    "{where}非机动车乱停放约{n}辆",
    "{where}灭火器{n}具超过有效期",
    "{where}有占道经营摊点{n}处",
    "{where}盲道被占用{n}处",
    "整改台账缺少{n}个问题的整改后照片",
    "{where}消防通道堆放杂物{n}处",
    "{where}地面积水，卫生死角{n}处",
)
NA_NOTES: tuple[str, ...] = (
    "该点位无此设施",
    "点位正在施工改造，暂不具备检查条件",
    "非营业时间，无法检查经营秩序",
    "该点位不临街，不涉及沿街立面",
)
RECTIFY_NOTES: tuple[str, ...] = (
    "已更换破损宣传画面，补拍整改后照片",
    "已组织保洁人员清理，增加清运频次",
    "已清除小广告并安排专人每日巡查",
    "已联系共享单车企业清运，划定停放区域",
    "已更换灭火器并建立月检记录",
    "已劝离占道摊点，纳入日常巡查",
    "已清理消防通道杂物，张贴禁止堆放提示",
)
CLOSE_NOTES: tuple[str, ...] = ("复查合格，予以销号", "现场复查已整改到位", "整改到位，同意销号")
REJECT_NOTES: tuple[str, ...] = (
    "复查仍有1处未整改到位，退回重新整改",
    "整改后照片与现场不符，退回",
)
INSPECTORS: tuple[str, ...] = ("张晓燕", "李建国", "王磊", "刘芳", "陈静", "杨帆", "赵敏", "周杰")

#: Rounds of a campaign: (name, kind, date).
ROUNDS: tuple[tuple[str, str, dt.date], ...] = (
    ("2026年6月自查", "self-check", dt.date(2026, 6, 3)),
    ("2026年6月督导", "supervision", dt.date(2026, 6, 16)),
    ("2026年7月暗访", "unannounced", dt.date(2026, 7, 7)),
    ("2026年7月复查", "re-inspection", dt.date(2026, 7, 21)),
    ("2026年8月验收", "acceptance", dt.date(2026, 8, 4)),
)

# --- the workspace -----------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    """How big a workspace is.

    ``common_items`` apply to every site type (like the bundled ``CM-*`` items);
    the rest are spread evenly over the site types, so every site of a type
    has ``common_items + (items - common_items) / site_types`` items.
    """

    items: int
    sites: int
    site_types: int
    common_items: int = 0
    categories: int = len(CATEGORIES)

    @classmethod
    def per_site(cls, items_per_site: int, sites: int, site_types: int) -> Size:
        """A size where every site has exactly ``items_per_site`` items."""
        common = min(items_per_site // 5, items_per_site - 1)
        specific = items_per_site - common
        return cls(
            items=common + specific * site_types,
            sites=sites,
            site_types=site_types,
            common_items=common,
        )


@dataclass
class Spec:
    """What was generated, as plain data (so findings need not load the catalog)."""

    root: Path
    standard_id: str
    standard_version: str
    site_ids: list[str] = field(default_factory=list)
    site_type_of: dict[str, str] = field(default_factory=dict)
    items_by_type: dict[str, list[str]] = field(default_factory=dict)
    rectification_days: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def items_for_site(self, site_id: str) -> list[str]:
        """The ids of the items that apply to ``site_id``."""
        return self.items_by_type[self.site_type_of[site_id]]


def _site_type_rows(count: int) -> list[tuple[str, str, str, tuple[str, ...], str, str]]:
    rows = []
    for n in range(count):
        base = SITE_TYPES[n % len(SITE_TYPES)]
        if n < len(SITE_TYPES):
            rows.append(base)
        else:  # more types than the vocabulary: numbered variants
            k = n // len(SITE_TYPES) + 1
            rows.append((f"{base[0]}_{k}", f"{base[1]}（{k}类）", f"{base[2]} ({k})", *base[3:]))
    return rows


def _category_rows(count: int) -> list[tuple[str, str, str]]:
    rows = []
    for n in range(count):
        base = CATEGORIES[n % len(CATEGORIES)]
        if n < len(CATEGORIES):
            rows.append(base)
        else:
            k = n // len(CATEGORIES) + 1
            rows.append((f"{base[0]}_{k}", f"{base[1]}（{k}）", f"{base[2]} ({k})"))
    return rows


def _weights(rng: random.Random, keys: list[str]) -> dict[str, int]:
    """Integer percentages over ``keys`` summing to exactly 100, none below 1."""
    if len(keys) > 100:
        raise ValueError("category weights need at most 100 categories")
    raw = [rng.randint(2, 10) for _ in keys]
    total = sum(raw)
    weights = [max(1, r * 100 // total) for r in raw]
    n = 0
    while sum(weights) != 100:
        step = 1 if sum(weights) < 100 else -1
        if weights[n % len(weights)] + step >= 1:
            weights[n % len(weights)] += step
        n += 1
    return dict(zip(keys, weights, strict=True))


def _scoring(rng: random.Random, points: int) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.5:
        return {"mode": "pass_fail"}
    if roll < 0.8:
        per = rng.choice([x for x in (0.5, 1, 2) if x <= points])
        return {"mode": "deduction", "per_occurrence": per}
    if rng.random() < 0.5:
        return {"mode": "graded"}
    return {"mode": "graded", "coefficients": [1, 0.8, 0.5, 0.2, 0]}


def _item(rng: random.Random, item_id: str, category: str, site_types: list[str]) -> dict[str, Any]:
    head, _, tail = category.rpartition("_")
    template = rng.choice(REQUIREMENTS[head if tail.isdigit() else category])
    requirement = template.format(where=rng.choice(WHERE), n=rng.randint(2, 6))
    points = rng.choice((2, 3, 3, 4, 5, 5, 6, 8, 10))
    item: dict[str, Any] = {
        "id": item_id,
        "category": category,
        "site_types": site_types,
        "requirement": requirement,
    }
    if rng.random() < 0.3:
        item["requirement_en"] = f"Synthetic requirement {item_id}."
    item["method"] = (
        "documents" if category == "records" else rng.choice(("observe",) * 4 + ("interview",))
    )
    item["points"] = points
    item["scoring"] = _scoring(rng, points)
    if category == "safety" and rng.random() < 0.05:
        item["veto"] = True
    if rng.random() < 0.6:
        item["rectification_days"] = rng.choice((0, 3, 5, 7))
    if item["scoring"]["mode"] != "pass_fail" and rng.random() < 0.5:
        item["counting_rule"] = "每发现1处问题计1例"
    return item


class _NoAliasDumper(_Dumper):  # type: ignore[misc,valid-type]
    """Writes shared lists out in full, as a person would, instead of ``&id001`` anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(path: Path, header: str, data: dict[str, Any]) -> None:
    # default_flow_style=None: leaf lists and mappings inline, as in the bundled files
    # (``scoring: {mode: pass_fail}``, ``site_types: [market]``).
    text = yaml.dump(
        data,
        Dumper=_NoAliasDumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
        default_flow_style=None,
    )
    path.write_text(header + text, encoding="utf-8")


_HEADER = (
    "# 基准测试用合成数据（bench/generate.py 生成，seed={seed}），并非真实点位或官方标准。\n"
    "# Synthetic benchmark data written by bench/generate.py (seed={seed}); not real sites.\n"
)


def generate_workspace(root: Path, size: Size, *, seed: int = DEFAULT_SEED) -> Spec:
    """Write a workspace of ``size`` into ``root`` (created; existing files replaced)."""
    if size.site_types < 1 or size.sites < size.site_types:
        raise ValueError("need at least one site type and a site for every type")
    specific = size.items - size.common_items
    if specific < size.site_types or size.common_items < 0:
        raise ValueError("need at least one own item per site type")
    if size.categories < 1:
        raise ValueError("need at least one category")
    rng = random.Random(seed)
    header = _HEADER.format(seed=seed)
    (root / "standards").mkdir(parents=True, exist_ok=True)
    (root / "sites").mkdir(parents=True, exist_ok=True)
    (root / "inspect.toml").write_text(
        "# Synthetic benchmark workspace (bench/generate.py).\n"
        "[workspace]\n"
        'district = "成都市青羊区（合成数据）"\n'
        'language = "zh"\n'
        'standards = "standards"\n'
        'sites = "sites"\n'
        'store = ".inspect/store.sqlite"\n'
        'evidence = ".inspect/evidence"\n',
        encoding="utf-8",
    )
    spec = Spec(root=root, standard_id="bench-synthetic", standard_version=f"seed-{seed}")
    types = _site_type_rows(size.site_types)
    categories = [c[0] for c in _category_rows(size.categories)]
    type_ids = [t[0] for t in types]

    # Items: common ones (G00-…) for every type, then each type's own (G01-…, G02-…).
    files: dict[str, list[dict[str, Any]]] = {}
    used: dict[str, set[str]] = {tid: set() for tid in type_ids}
    counters: dict[tuple[int, int], int] = {}

    def add_item(group: int, k: int, applies: list[str]) -> None:
        c = k % len(categories)
        counters[(group, c)] = n = counters.get((group, c), 0) + 1
        item_id = f"G{group:02d}-{c + 1:02d}-{n:02d}"
        item = _item(rng, item_id, categories[c], applies)
        files.setdefault("common" if group == 0 else type_ids[group - 1], []).append(item)
        spec.rectification_days[item_id] = item.get("rectification_days", 5)
        for tid in applies:
            used[tid].add(categories[c])
            spec.items_by_type.setdefault(tid, []).append(item_id)

    for tid in type_ids:
        spec.items_by_type[tid] = []
    for k in range(size.common_items):
        add_item(0, k, type_ids)
    for g, tid in enumerate(type_ids, start=1):
        own = specific // size.site_types + (1 if g <= specific % size.site_types else 0)
        for k in range(own):
            # Offset the category so that every category gets items even when few per type.
            add_item(g, k + g - 1, [tid])

    used_categories = set().union(*used.values())
    site_type_entries: list[dict[str, Any]] = []
    for n, (tid, name, name_en, *_rest) in enumerate(types):
        entry: dict[str, Any] = {"id": tid, "name": name, "name_en": name_en}
        if n % 3 == 0:  # every third type is scored with category weights
            entry["category_weights"] = _weights(rng, [c for c in categories if c in used[tid]])
        site_type_entries.append(entry)
    category_rows = [r for r in _category_rows(size.categories) if r[0] in used_categories]
    standard = {
        "standard": {
            "id": spec.standard_id,
            "title": "基准测试合成测评标准",
            "version": spec.standard_version,
            "effective_date": dt.date(2026, 3, 1),
            "issuer": "bench/generate.py",
            "source_note": "合成数据，仅用于性能基准测试。Synthetic data for benchmarks only.",
            "default_rectification_days": 5,
            "verdicts": {
                "met": 90,
                "basically_met": 80,
                "levels": {"city": {"met": 92, "basically_met": 85}},
            },
        },
        "site_types": site_type_entries,
        "categories": [{"id": c, "name": zh, "name_en": en} for c, zh, en in category_rows],
    }
    written = [root / "standards" / "standard.yaml"]
    _dump(written[0], header, standard)
    for name, items in files.items():
        path = root / "standards" / f"items-{name}.yaml"
        _dump(path, header, {"items": items})
        written.append(path)

    # Sites: round-robin over the types so every type has sites; one file per street.
    by_street: dict[str, list[dict[str, Any]]] = {}
    for n in range(size.sites):
        tid, _name, _en, patterns, unit, lead = types[n % len(types)]
        street = rng.choice(STREETS)
        place, road = rng.choice(PLACES), rng.choice(ROADS)
        fill = {"p": place, "r": road, "s": street, "n": rng.randint(1, 8)}
        site_id = f"QY-S-{n + 1:04d}"
        others = [d for d in DEPARTMENTS if d != lead]
        site: dict[str, Any] = {
            "id": site_id,
            "name": rng.choice(patterns).format(**fill),
            "site_type": tid,
            "level": "city" if rng.random() < 0.08 else "district",
            "street": f"{street}街道",
            "address": f"成都市青羊区{road}{rng.randint(1, 300)}号",
            "coordinates": {
                "lat": round(30.64 + rng.random() * 0.06, 4),
                "lon": round(103.98 + rng.random() * 0.08, 4),
            },
            "responsible_unit": unit.format(**fill),
            "lead_department": lead,
            "cooperating_departments": rng.sample(others, rng.randint(1, 3)),
            "contact": {
                "name": rng.choice(SURNAMES) + rng.choice(TITLES),
                "phone": f"028-8{rng.randint(0, 9999999):07d}",
            },
            "planned_acceptance": dt.date(2026, 8, rng.randint(3, 14)),
        }
        by_street.setdefault(street, []).append(site)
        spec.site_ids.append(site_id)
        spec.site_type_of[site_id] = tid
    for k, street in enumerate(STREETS, start=1):
        if street in by_street:
            path = root / "sites" / f"street-{k:02d}.yaml"
            _dump(path, header, {"sites": by_street[street]})
            written.append(path)
    spec.files = written
    return spec


# --- findings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingRow:
    """One generated finding and, for a failure, what happened to it afterwards."""

    round_name: str
    site_id: str
    item_id: str
    result: str
    occurrences: int
    inspector: str
    found_at: dt.datetime
    note: str | None
    location: str | None
    due_date: dt.date | None
    on_spot: bool
    #: ``None``, or (rectified_at, rectification note, rectified_by) for a failure.
    rectified: tuple[dt.datetime, str, str] | None = None
    #: ``None``, or (rechecked_at, "pass" | "reject", note) after a rectification.
    rechecked: tuple[dt.datetime, str, str] | None = None


def rounds_for(count: int) -> list[tuple[str, str, dt.date]]:
    """The first ``count`` rounds of a campaign (self-check … acceptance)."""
    if count > len(ROUNDS):
        extra = [
            (f"2026年加测{k}", "supervision", dt.date(2026, 9, k)) for k in range(1, count - 4)
        ]
        return [*ROUNDS, *extra]
    return list(ROUNDS[-count:]) if count else []


def generate_findings(
    spec: Spec,
    *,
    rounds: int = 3,
    items_per_site: int | None = None,
    sites: int | None = None,
    fail_share: float = 0.15,
    na_share: float = 0.04,
    seed: int = DEFAULT_SEED,
) -> Iterator[FindingRow]:
    """Findings of ``sites`` sites × ``items_per_site`` items in each of ``rounds`` rounds.

    About ``fail_share`` fail (1–4 occurrences, a note and a due date), of those
    about 70 % are rectified and of these 85 % closed, the rest sent back;
    ``na_share`` are not applicable with a reason; the rest pass.

    Within a round the findings come in the order they were found: inspectors
    walk many sites at the same time, as a live store would receive them.
    """
    rng = random.Random(seed + 1)
    chosen_sites = spec.site_ids[: sites if sites is not None else len(spec.site_ids)]
    for round_name, _kind, day in rounds_for(rounds):
        walked = list(
            _walk_round(
                spec, rng, round_name, day, chosen_sites, items_per_site, fail_share, na_share
            )
        )
        walked.sort(key=lambda row: row.found_at)
        yield from walked


def _walk_round(
    spec: Spec,
    rng: random.Random,
    round_name: str,
    day: dt.date,
    chosen_sites: list[str],
    items_per_site: int | None,
    fail_share: float,
    na_share: float,
) -> Iterator[FindingRow]:
    """The findings of one round, site by site, item by item."""
    for s, site_id in enumerate(chosen_sites):
        inspector = INSPECTORS[s % len(INSPECTORS)]
        start = dt.datetime.combine(day, dt.time(9, 0), CST) + dt.timedelta(minutes=(s % 40) * 12)
        items = spec.items_for_site(site_id)
        if items_per_site is not None:
            items = items[:items_per_site]
        for k, item_id in enumerate(items):
            found_at = start + dt.timedelta(seconds=20 * k)
            roll = rng.random()
            where = rng.choice(WHERE)
            if roll < fail_share:
                n = rng.choice((1, 1, 1, 2, 2, 3, 4))
                days = spec.rectification_days[item_id]
                rectified = rechecked = None
                # 立行立改 (0 days) is closed on the spot: nothing to rectify later.
                if days and rng.random() < 0.7:
                    at = found_at + dt.timedelta(days=rng.randint(0, max(days, 1)), hours=3)
                    rectified = (at, rng.choice(RECTIFY_NOTES), "责任单位联络员")
                    if rng.random() < 0.9:
                        when = at + dt.timedelta(days=rng.randint(1, 3))
                        ok = rng.random() < 0.85
                        rechecked = (
                            when,
                            "pass" if ok else "reject",
                            rng.choice(CLOSE_NOTES if ok else REJECT_NOTES),
                        )
                yield FindingRow(
                    round_name,
                    site_id,
                    item_id,
                    "fail",
                    n,
                    inspector,
                    found_at,
                    rng.choice(FAIL_NOTES).format(where=where, n=n),
                    where,
                    day + dt.timedelta(days=days),
                    days == 0,
                    rectified,
                    rechecked,
                )
            elif roll < fail_share + na_share:
                yield FindingRow(
                    round_name,
                    site_id,
                    item_id,
                    "na",
                    0,
                    inspector,
                    found_at,
                    rng.choice(NA_NOTES),
                    None,
                    None,
                    False,
                )
            else:
                yield FindingRow(
                    round_name,
                    site_id,
                    item_id,
                    "pass",
                    0,
                    inspector,
                    found_at,
                    None,
                    None,
                    None,
                    False,
                )


def open_rounds(store: Any, spec: Spec, names: Iterable[str]) -> None:
    """Open the campaign rounds called ``names`` in ``store`` (those not there yet), each
    pinned to the generated workspace's content as ``inspect round open`` pins it."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.findings.model import Round
    from qingyang_inspect.findings.pins import pin
    from qingyang_inspect.workspace import load_workspace

    catalog = load_workspace_catalog(load_workspace(spec.root), use_cache=False)
    kinds = {name: (kind, day) for name, kind, day in rounds_for(len(ROUNDS) + 10)}
    for name in names:
        if store.has_round(name):
            continue
        kind, day = kinds[name]
        opened_at = dt.datetime.combine(day, dt.time(8, 30), CST)
        store.add_round(
            Round(
                name=name,
                kind=kind,
                date=day,
                standard_id=spec.standard_id,
                standard_version=spec.standard_version,
                status="open",
                opened_at=opened_at,
            ),
            opened_by="bench/generate.py",
        )
        pin(store, name, catalog, actor="bench/generate.py", now=opened_at)


def finding_facts(rows: Iterable[FindingRow]) -> Iterator[tuple[Any, FindingRow]]:
    """Each row as a recorded ``Finding`` (with a new finding id), paired with the row."""
    from qingyang_inspect.findings.ids import new_finding_id, number_of
    from qingyang_inspect.findings.model import Finding

    for row in rows:
        recorded_at = row.found_at + dt.timedelta(minutes=1)
        ident = new_finding_id(recorded_at)
        facts = Finding(
            id=ident,
            number=number_of(ident),
            round_name=row.round_name,
            site_id=row.site_id,
            item_id=row.item_id,
            result=row.result,  # type: ignore[arg-type]
            occurrences=row.occurrences,
            inspector=row.inspector,
            found_at=row.found_at,
            recorded_at=recorded_at,
            note=row.note,
            location=row.location,
            due_date=row.due_date,
            on_spot=row.on_spot,
        )
        yield facts, row


def write_findings(
    root: Path, spec: Spec, rows: Iterable[FindingRow], *, photos: Sequence[Any] = ()
) -> int:
    """Store ``rows`` in the workspace at ``root``: rounds, then findings, then their lifecycle.

    Findings go through the store's bulk API (``Store.add_findings``, one
    transaction); rectifications and re-checks are then appended as events
    in a second transaction, their data planned by the store's own lifecycle
    rules. ``photos`` (already in the evidence folder) are given one each, as
    before-photos, to the failed findings in order. Returns the number of
    findings written.
    """
    from qingyang_inspect.findings.lifecycle import new_event, plan_recheck, plan_rectify
    from qingyang_inspect.findings.replay import apply_event, initial_state
    from qingyang_inspect.store import Store
    from qingyang_inspect.workspace import load_workspace

    rows = list(rows)
    later: list[tuple[Any, FindingRow]] = []

    given = iter(photos)

    def facts_and_keep_failures() -> Iterator[Any]:
        for facts, row in finding_facts(rows):
            if row.result == "fail":
                photo = next(given, None)
                if photo is not None:
                    facts = facts._replace(photos=(photo,))
            if row.rectified is not None:
                later.append((facts, row))
            yield facts

    with Store.open(load_workspace(root)) as store:
        with store.transaction():
            open_rounds(store, spec, dict.fromkeys(r.round_name for r in rows))
        count = store.add_findings(facts_and_keep_failures())
        with store.transaction():
            for facts, row in later:
                assert row.rectified is not None
                at, note, by = row.rectified
                finding = initial_state(facts)
                data = plan_rectify(finding, note=note, by=by)
                event = store.append_event(
                    new_event(finding, "rectified", at=at, now=at, actor=by, data=data, seq=2)
                )
                finding = apply_event(finding, event)
                if row.rechecked is not None:
                    when, outcome, text = row.rechecked
                    data = plan_recheck(finding, passed=outcome == "pass", note=text)
                    store.append_event(
                        new_event(
                            finding,
                            "rechecked",
                            at=when,
                            now=when,
                            actor=row.inspector,
                            data=data,
                            seq=3,
                        )
                    )
    return count


def main(argv: list[str] | None = None) -> int:
    """Write a workspace from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", type=Path)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--site-types", type=int, default=10)
    parser.add_argument("--common-items", type=int, default=100)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--rounds", type=int, default=0, help="also store findings of N rounds")
    parser.add_argument("--items-per-site", type=int, default=None)
    args = parser.parse_args(argv)
    spec = generate_workspace(
        args.root,
        Size(args.items, args.sites, args.site_types, args.common_items),
        seed=args.seed,
    )
    print(f"{spec.root}: {len(spec.files)} files, {len(spec.site_ids)} sites")
    if args.rounds:
        rows = generate_findings(
            spec, rounds=args.rounds, items_per_site=args.items_per_site, seed=args.seed
        )
        print(f"{write_findings(args.root, spec, rows)} findings stored")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
