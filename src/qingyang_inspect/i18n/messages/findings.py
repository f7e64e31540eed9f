"""Messages of the finding rules: recording, lifecycle, conflicts, scoring."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "record.count_too_large": (
        "例数超过上限 {max}",
        "the count of occurrences is over the limit of {max}",
    ),
    "record.count_too_large_hint": (
        "例数是该处发现的问题个数；数量极多时按计数规则分别记录",
        "the count is the number of problems found there; for very many, record them by the counting rule",
    ),
    "round.close_before_date": (
        "关闭时间 {at} 早于轮次“{name}”的日期（{date}）",
        "{at} is before the date of round '{name}' ({date})",
    ),
    "round.close_before_finding": (
        "关闭时间 {at} 早于轮次“{name}”中问题 {number} 的发现时间（{found}）",
        "{at} is before finding {number} of round '{name}' was found ({found})",
    ),
    "round.close_at_hint": (
        "--at 是轮次实际关闭的时间：不得早于轮次日期和其中最后一条记录的发现时间",
        "--at is when the round was closed: no earlier than its date or the last finding "
        "recorded in it",
    ),
    "round.bad_name": (
        "轮次名称 '{name}' 无效：不能为空、不能含控制字符、不超过 {max} 个字符",
        "round name '{name}' is invalid: it must be non-empty, without control characters, at most {max} characters",
    ),
    "round.name_hint": ('例如 "2026-06 督导"', 'e.g. "2026-06 supervision"'),
    "round.bad_kind": (
        "未知的轮次类型 '{kind}'；可选：{kinds}",
        "unknown round kind '{kind}'; choose one of: {kinds}",
    ),
    "round.kind_hint": ("用 --kind 指定轮次类型", "give the kind with --kind"),
    "round.exists": ("轮次 {name} 已存在", "round {name} already exists"),
    "round.exists_hint": (
        "换一个名称；用 inspect round list 查看已有轮次",
        "choose another name; see inspect round list",
    ),
    "round.already_closed": ("轮次 {name} 已经关闭", "round {name} is already closed"),
    "round.none_open": ("没有进行中的检查轮次", "no round is open"),
    "round.none_open_hint": (
        "先开启一个轮次：inspect round open 名称 --kind supervision",
        "open one first: inspect round open NAME --kind supervision",
    ),
    "round.several_open": ("有多个进行中的轮次：{names}", "several rounds are open: {names}"),
    "round.several_open_hint": ("用 --round 指定记录到哪个轮次", "say which one with --round"),
    "record.no_inspector": (
        "没有指定检查人员；记录不能匿名",
        "no inspector given; findings are never anonymous",
    ),
    "record.no_inspector_hint": (
        '用 --inspector 姓名，或设置环境变量 INSPECT_INSPECTOR，或在 inspect.toml 的 [workspace] 中写 inspector = "姓名"',
        'use --inspector NAME, set INSPECT_INSPECTOR, or add inspector = "NAME" under [workspace] in inspect.toml',
    ),
    "record.not_applicable": (
        "测评内容 {item} 不适用于点位 {site}（点位类型：{site_type}）",
        "item {item} does not apply to site {site} (site type: {site_type})",
    ),
    "record.not_applicable_hint": (
        "用 inspect sites show {site} 查看该点位适用的测评内容",
        "see the items that apply with inspect sites show {site}",
    ),
    "record.bad_result": (
        "结果 '{value}' 无效；可选：{results}",
        "result '{value}' is invalid; choose one of: {results}",
    ),
    "record.bad_result_hint": (
        "pass 符合、fail 不符合、na 不适用",
        "pass, fail, or na (not applicable)",
    ),
    "record.count_too_small": (
        "不符合的例数必须至少为 1（给出的是 {count}）",
        "a failure needs at least 1 occurrence (got {count})",
    ),
    "record.count_hint": (
        "用 --count 给出例数，或省略（默认 1）",
        "give --count N, or leave it out (default 1)",
    ),
    "record.count_not_fail": (
        "结果为「{result}」时不能给出例数",
        "a '{result}' result takes no count",
    ),
    "record.count_not_fail_hint": (
        "去掉 --count；只有 fail（不符合）需要例数",
        "drop --count; only fail takes a count",
    ),
    "record.na_needs_note": (
        "不适用（na）必须在 --note 中说明原因",
        "na (not applicable) needs the reason in --note",
    ),
    "record.na_needs_note_hint": (
        '例如 --note "该市场无室内停车场"',
        'e.g. --note "the market has no indoor car park"',
    ),
    "record.future": (
        "发现时间 {at} 晚于现在（{now}）",
        "found time {at} is later than now ({now})",
    ),
    "record.future_hint": (
        "检查 --at 的日期和时间；不写 --at 则为现在",
        "check the date and time of --at; without --at it is now",
    ),
    "record.due_before_found": (
        "整改期限 {due} 早于发现日期 {found}",
        "due date {due} is before the found date {found}",
    ),
    "record.due_hint": ("--due 应不早于发现日期", "--due must be on or after the found date"),
    "record.due_not_fail": ("只有不符合的问题才有整改期限", "only failures have a due date"),
    "record.due_not_fail_hint": (
        "去掉 --due，或把结果改为 fail",
        "drop --due, or make the result fail",
    ),
    "record.on_spot_due": (
        "立行立改的问题已当场整改，不需要 --due",
        "a finding fixed on the spot needs no --due",
    ),
    "record.on_spot_not_fail": (
        "只有不符合（fail）的问题可以立行立改",
        "only a failure can be fixed on the spot",
    ),
    "record.on_spot_hint": (
        "--on-spot 只与 --result fail 一起使用，且不带 --due",
        "use --on-spot only with --result fail and without --due",
    ),
    "record.text_too_long": (
        "{option} 有 {length} 个字符，超过上限 {max}",
        "{option} has {length} characters, over the limit of {max}",
    ),
    "record.text_too_long_hint": (
        "请精简文字；详细材料可作为照片附上",
        "shorten it; attach longer material as photos",
    ),
    "lifecycle.action.rectify": ("登记整改", "be rectified"),
    "lifecycle.action.recheck": ("复查", "be re-checked"),
    "lifecycle.wrong_status": (
        "记录 {id} 当前状态为「{status}」，不能{action}（需要「{wanted}」）",
        "finding {id} is '{status}' and cannot {action} (it must be '{wanted}')",
    ),
    "lifecycle.next.open": (
        "先登记整改：inspect rectify {id} --note …",
        "record the rectification first: inspect rectify {id} --note …",
    ),
    "lifecycle.next.rectified": (
        "等待复查：inspect recheck {id} --pass 或 --reject",
        "it awaits a re-check: inspect recheck {id} --pass or --reject",
    ),
    "lifecycle.next.closed": (
        "已销号的问题无需再处理；如需更正请用 inspect findings amend {id}",
        "a closed finding needs nothing more; to correct it use inspect findings amend {id}",
    ),
    "lifecycle.not_a_problem": (
        "记录 {id} 的结果是「{result}」，不是问题，不能{action}",
        "finding {id} is '{result}', not a problem, and cannot {action}",
    ),
    "lifecycle.not_a_problem_hint": (
        "只有不符合的问题需要整改和复查；如结果记错，用 inspect findings amend 更正",
        "only failures are rectified and re-checked; if the result is wrong, use inspect findings amend",
    ),
    "lifecycle.voided": (
        "记录 {id} 已作废，不能再修改",
        "finding {id} is voided and cannot change",
    ),
    "lifecycle.voided_hint": (
        "作废的记录仍可用 inspect findings show 查看",
        "a voided finding can still be seen with inspect findings show",
    ),
    "lifecycle.reason_required": ("必须用 {option} 说明原因", "give the reason with {option}"),
    "lifecycle.reason_required_hint": (
        '例如 {option} "复核照片后更正例数"（更正）或 {option} "重复记录"（作废）；原因记入历史',
        'e.g. {option} "count corrected from the photos" (amend) or {option} "entered twice" '
        "(void); the reason goes into the history",
    ),
    "lifecycle.note_required": ("必须用 --note 说明整改情况", "say what was done with --note"),
    "lifecycle.note_required_hint": (
        '例如 --note "已清理垃圾并加装垃圾桶"',
        'e.g. --note "rubbish removed, bins added"',
    ),
    "lifecycle.no_change": ("记录 {id} 没有任何变化", "nothing to change on finding {id}"),
    "lifecycle.no_change_hint": (
        "用 --note、--location、--count、--due 或 --result 给出新值",
        "give new values with --note, --location, --count, --due or --result",
    ),
    "findings.bad_status": (
        "状态 '{value}' 无效；可选：{statuses}",
        "status '{value}' is invalid; choose one of: {statuses}",
    ),
    "findings.overdue_hint": (
        "逾期不是一种状态，而是按截止日期算出的：用 --overdue 列出逾期未销号的问题",
        "overdue is not a status but computed from the due date: --overdue lists the overdue "
        "problems not closed",
    ),
    "findings.bad_status_hint": (
        "open 待整改、rectified 已整改待复查、closed 已销号",
        "open, rectified (awaiting re-check), closed",
    ),
    "findings.unknown_value": (
        "没有点位的 {option} 是 '{value}'{suggest}",
        "no site has {option} '{value}'{suggest}",
    ),
    "findings.unknown_value_hint": (
        "用 inspect sites list 查看责任单位和街道",
        "see units and streets with inspect sites list",
    ),
    "lifecycle.at_future": ("时间 {at} 晚于现在（{now}）", "{at} is later than now ({now})"),
    "lifecycle.at_future_hint": (
        "--at 是这一步实际发生的时间，不能在将来",
        "--at is when the step happened; it cannot be in the future",
    ),
    "lifecycle.at_before_found": (
        "时间 {at} 早于问题 {number} 的发现时间（{found}）",
        "{at} is before finding {number} was found ({found})",
    ),
    "lifecycle.at_before_previous": (
        "时间 {at} 早于问题 {number} 的上一步“{step}”（{previous}）",
        "{at} is before the previous step of finding {number}: {step} at {previous}",
    ),
    "lifecycle.at_order_hint": (
        "按实际发生的先后登记：--at 不得早于发现时间和上一步",
        "enter the steps in the order they happened: --at no earlier than the finding was "
        "found or its previous step",
    ),
    "record.outside_window": (
        "发现时间 {at} 不在轮次“{round}”的时间范围内（{start} 至 {end}）",
        "found time {at} is outside round '{round}' ({start} to {end})",
    ),
    "record.outside_window_hint": (
        "确属该轮次请加 --yes 再记录；否则改正 --at 或 --round",
        "if it does belong to this round, record it again with --yes; otherwise correct --at "
        "or --round",
    ),
    "record.conflict_pass": (
        "{site} 的 {item} 在本轮已有记录（{results}），不能再记为符合",
        "{item} at {site} is already recorded in this round ({results}); it cannot also pass",
    ),
    "record.conflict_na": (
        "{site} 的 {item} 在本轮已有检查结果（{results}），不能再记为不适用",
        "{item} at {site} was already checked in this round ({results}); it cannot also be "
        "not applicable",
    ),
    "record.conflict_fail": (
        "{site} 的 {item} 在本轮已记为不适用（{results}），不能再记为不符合",
        "{item} at {site} is already not applicable in this round ({results}); it cannot also fail",
    ),
    "record.conflict_hint": (
        "如已有记录有误，加 {supersedes} 作废并记录这一条；如只需更正，用 inspect findings "
        "amend {number}",
        "if the earlier record is wrong, add {supersedes} to void it and record this one; to "
        "correct it instead, use inspect findings amend {number}",
    ),
    "record.supersedes_other": (
        "--supersedes {number} 不是轮次“{round}”中 {site} 的 {item} 的记录",
        "--supersedes {number} is not a finding of {item} at {site} in round '{round}'",
    ),
    "record.supersedes_other_hint": (
        "可取代的记录用 inspect findings list --round … --site … --item … 查看",
        "list the findings that can be replaced with inspect findings list --round … --site "
        "… --item …",
    ),
    "record.superseded_reason": ("被 {number} 取代", "superseded by {number}"),
    "lifecycle.amend_conflict_hint": (
        "先更正或作废 {number}（inspect findings amend / void {number}），再改这一条",
        "correct or void {number} first (inspect findings amend / void {number}), then this one",
    ),
    "pin.part.standard": ("标准", "standard"),
    "pin.part.site_type": ("点位类型", "site type"),
    "pin.part.category": ("测评项目", "category"),
    "pin.part.item": ("条目", "item"),
    "pin.part.site": ("点位", "site"),
    "pin.how.added": ("（新增）", " (added)"),
    "pin.how.removed": ("（删除）", " (removed)"),
    "pin.fields": ("（{fields}）", " ({fields})"),
    "pin.field_sep": ("，", ", "),
    "pin.value": ("{field} {before}→{after}", "{field} {before}→{after}"),
    "pin.more": ("等另 {count} 处", "and {count} more"),
    "pin.unpinned": (
        "轮次“{name}”没有固定评分依据（由旧版本开设），按当前文件评分；可用 inspect round "
        "repin 固定",
        "round '{name}' has no pinned content (opened by an older version) and is scored by "
        "the current files; pin it with inspect round repin",
    ),
    "pin.changed": (
        "轮次“{name}”按开设时固定的内容评分，此后文件有改动：{changes}。如要采用现行文件，用 "
        "inspect round repin",
        "round '{name}' is scored by the content pinned when it opened; the files changed "
        "since: {changes}. To adopt the current files, use inspect round repin",
    ),
    "pin.reason_required": (
        "重新固定评分依据需要 --reason 说明原因",
        "re-pinning needs --reason saying why",
    ),
    "pin.reason_hint": (
        '例如：--reason "按文明办通知更正 NM-01-02 分值"',
        'for example: --reason "NM-01-02 points corrected by the office\'s notice"',
    ),
    "pin.same": (
        "轮次“{name}”已按当前文件固定，无需重新固定",
        "round '{name}' is pinned to the current files already",
    ),
    "pin.same_hint": (
        "inspect round list 列出各轮次与文件的差异",
        "inspect round list shows how each round differs from the files",
    ),
}
