"""Messages of the progress report and the weekly bulletin (督查通报)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "progress.title": ("{district}文明城市创建整改进度", "{district} rectification progress"),
    "progress.subtitle": (
        "时间：{range}　轮次：{rounds}　分组：{by}　统计截至：{as_of}",
        "Period: {range}   Rounds: {rounds}   By: {by}   As of: {as_of}",
    ),
    "progress.range": ("{since}至{until}", "{since} to {until}"),
    "progress.beginning": ("开始", "the start"),
    "progress.file": ("整改进度_{range}", "progress_{range}"),
    "progress.by.street": ("街道", "Street"),
    "progress.by.unit": ("责任单位", "Responsible unit"),
    "progress.by.site_type": ("点位类型", "Site type"),
    "progress.by.site": ("点位", "Site"),
    "progress.groups_title": ("按{by}统计", "By {by}"),
    "progress.total": ("合计", "Total"),
    "progress.empty": ("该时间段没有发现问题", "no problems were found in this period"),
    "progress.definitions": (
        "整改率＝已销号÷发现问题；按期销号率＝按期销号÷（已销号＋逾期未销号）；"
        "反复问题：同一点位同一条目在已销号后，于之后的轮次再次不符合（回头看）。",
        "Rectification rate = closed ÷ found; on-time rate = closed on time ÷ (closed + "
        "overdue); recurring: the same site and item failing again in a later round after "
        "being closed (look back).",
    ),
    "progress.col.found": ("发现问题", "Found"),
    "progress.col.rectified": ("待复查", "Awaiting re-check"),
    "progress.col.closed": ("已销号", "Closed"),
    "progress.col.on_time": ("按期销号", "Closed on time"),
    "progress.col.closed_late": ("逾期销号", "Closed late"),
    "progress.col.overdue": ("逾期未销号", "Overdue"),
    "progress.col.rate": ("整改率", "Rectification rate"),
    "progress.col.on_time_rate": ("按期销号率", "On-time rate"),
    "progress.col.recurring": ("反复问题", "Recurring"),
    "progress.col.round": ("轮次", "Round"),
    "progress.col.round_date": ("轮次日期", "Round date"),
    "progress.col.round_kind": ("类型", "Kind"),
    "progress.col.found_change": ("问题数变化", "Change in found"),
    "progress.col.rate_change": ("整改率变化", "Change in rate"),
    "progress.col.number": ("问题编号", "Problem no."),
    "progress.col.found_on": ("发现日期", "Found"),
    "progress.col.earlier_number": ("原问题编号", "Earlier problem no."),
    "progress.col.earlier_closed": ("原销号日期", "Earlier closed"),
    "progress.col.site": ("点位", "Site"),
    "progress.col.item": ("条目编号", "Item"),
    "progress.col.requirement": ("测评标准", "Requirement"),
    "progress.col.unit": ("责任单位", "Responsible unit"),
    "progress.col.due": ("整改时限", "Due"),
    "progress.col.days_overdue": ("逾期天数", "Days overdue"),
    "progress.col.rank": ("名次", "Rank"),
    "progress.trend_title": ("逐轮对比", "Round by round"),
    "progress.by_round_title": ("各{by}逐轮对比", "Each {by} round by round"),
    "progress.recurring_title": ("回头看：反复问题", "Look back: recurring problems"),
    "progress.recurring_none": ("没有反复问题", "no recurring problems"),
    "progress.trend_none": (
        "没有发现问题的轮次，无可逐轮对比",
        "no round found problems: nothing to compare",
    ),
    "progress.by_round_none": (
        "没有可按{by}逐轮对比的问题",
        "no problems to compare round by round for each {by}",
    ),
    "progress.chart_found": ("各轮发现问题数", "Problems found per round"),
    "progress.chart_rate": ("各轮整改率", "Rectification rate per round"),
    "progress.until_before_since": (
        "截止日期 {until} 早于起始日期 {since}",
        "--until {until} is before --since {since}",
    ),
    "progress.until_before_since_hint": (
        "请让 --until 不早于 --since（两天都含在内）",
        "give an --until on or after --since (both days are included)",
    ),
    "bulletin.title": (
        "{district}文明城市创建督查通报",
        "{district} civilized-city supervision bulletin",
    ),
    "bulletin.number": (
        "第 {issue} 期　　{district}文明办　　{date}",
        "No. {issue}   {district} Civilization Office   {date}",
    ),
    "bulletin.number_no_issue": (
        "{district}文明办　　{date}",
        "{district} Civilization Office   {date}",
    ),
    "bulletin.file": ("督查通报_{since}_{until}", "bulletin_{since}_{until}"),
    "bulletin.h.summary": ("一、总体情况", "1. Overview"),
    "bulletin.h.ranking": ("二、整改红黑榜", "2. Ranking (red and black list)"),
    "bulletin.h.overdue": ("三、逾期未整改问题", "3. Overdue problems"),
    "bulletin.h.recurring": ("四、回头看：反复出现的问题", "4. Look back: recurring problems"),
    "bulletin.h.typical": ("五、典型问题", "5. Typical problems"),
    "bulletin.h.next": ("六、下一步工作要求", "6. Next steps"),
    "bulletin.summary": (
        "{range}，督导组共发现问题 {found} 个，已销号 {closed} 个，其中按期销号 {on_time} 个、"
        "逾期销号 {closed_late} 个；已整改待复查 {rectified} 个；逾期未销号 {overdue} 个。"
        "整改率 {rate}，按期销号率 {on_time_rate}。",
        "From {range} the supervision groups found {found} problems; {closed} were closed, "
        "{on_time} of them on time and {closed_late} late; {rectified} were rectified and await "
        "the re-check; {overdue} are overdue. Rectification rate {rate}, on-time rate "
        "{on_time_rate}.",
    ),
    "bulletin.summary_rounds": (
        "本期涉及轮次：{rounds}。",
        "Rounds covered: {rounds}.",
    ),
    "bulletin.summary_recurring": (
        "回头看发现反复问题 {count} 个，均为已销号后在之后轮次再次出现。",
        "Looking back, {count} problems recurred after being closed.",
    ),
    "bulletin.empty": (
        "{range}，督导组未发现问题，本期无通报事项。",
        "No problems were found from {range}; nothing to report in this issue.",
    ),
    "bulletin.ranking_intro": (
        "按整改率从高到低排名（整改率相同按逾期未销号数从少到多）。前 {top} 名为红榜（整改较好），"
        "后 {bottom} 名为黑榜（整改未落实）。",
        "Ranked by rectification rate, highest first (ties: fewer overdue first). The first "
        "{top} are the red list (rectified well), the last {bottom} the black list (not rectified).",
    ),
    "bulletin.col.list": ("榜单", "List"),
    "bulletin.red": ("红榜", "red list"),
    "bulletin.black": ("黑榜", "black list"),
    "bulletin.overdue_none": ("没有逾期未销号的问题。", "No problem is overdue."),
    "bulletin.recurring_none": ("没有反复出现的问题。", "No problem recurred."),
    "bulletin.typical_none": ("本期没有附照片的问题。", "No problem with a photo in this period."),
    "bulletin.typical_head": ("（{n}）{site}", "({n}) {site}"),
    "bulletin.typical_photo": ("问题照片", "Photo"),
    "bulletin.next": (
        "请各责任单位对照问题清单，在规定时限内完成整改并上传整改照片；逾期未整改和反复出现的问题，"
        "由所在街道督促限期整改，下轮督导将逐一回头看。",
        "Each responsible unit is to rectify the listed problems within the deadline and submit "
        "the after-photos; the streets are to follow up the overdue and recurring problems, which "
        "the next round will check again one by one.",
    ),
}
