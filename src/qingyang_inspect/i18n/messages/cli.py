"""Messages the commands print: confirmations, prompts, the interactive walk."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "app.help": (
        "青羊区文明城市创建示范点位检查工具：测评标准与点位校验、检查记录、整改台账与验收报告。",
        "Civilized-city site inspection: validate standards and sites, record findings, "
        "produce rectification ledgers and acceptance reports.",
    ),
    "opt.lang": ("界面语言：zh（默认）或 en", "language of messages: zh (default) or en"),
    "opt.workspace": (
        "工作区目录（默认从当前目录向上查找 inspect.toml）",
        "workspace folder (default: search upward from here for inspect.toml)",
    ),
    "opt.version": ("显示版本号", "show the version"),
    "validate.help": (
        "校验测评标准和点位 YAML 文件；退出码 0 通过，1 有问题，2 用法或读写错误。",
        "Validate standard and site YAML files; exit 0 valid, 1 problems, 2 usage or I/O error.",
    ),
    "validate.paths": (
        "要校验的文件或目录（默认：工作区的 standards/ 和 sites/）",
        "files or folders to validate (default: the workspace's standards/ and sites/)",
    ),
    "validate.format": (
        "text（默认）、json 或 github（GitHub Actions 注解）",
        "text (default), json, or github (GitHub Actions annotations)",
    ),
    "validate.strict": ("警告也视为失败", "fail on warnings too"),
    "schema.help": (
        "写出标准文件和点位文件的 JSON Schema（供编辑器补全与校验）。",
        "Write the JSON Schemas of the standard and site files (for editors).",
    ),
    "schema.output": ("输出目录", "output folder"),
    "schema.write_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "standards.help": (
        "浏览测评标准：类别、测评内容、分值与计分方式。",
        "Browse the standard: categories, items, points and scoring.",
    ),
    "standards.list.help": (
        "列出测评内容（可按点位类型、类别筛选）。",
        "List the items (filter by site type or category).",
    ),
    "standards.show.help": (
        "显示标准概况，或指定编号时显示一项测评内容的全部信息。",
        "Show the standard's header, or everything about one item when an id is given.",
    ),
    "sites.help": ("浏览示范点位。", "Browse the demonstration sites."),
    "sites.list.help": (
        "列出点位（可按点位类型、级别、街道筛选）。",
        "List the sites (filter by site type, level or street).",
    ),
    "sites.show.help": (
        "显示一个点位的全部信息及其适用的测评内容。",
        "Show everything about one site and the items that apply to it.",
    ),
    "opt.site_type": ("按点位类型筛选（编号）", "filter by site type (id)"),
    "opt.category": ("按类别（测评项目）筛选（编号）", "filter by category (id)"),
    "opt.level": (
        "按级别筛选：city / district / other",
        "filter by level: city / district / other",
    ),
    "opt.street": ("按街道筛选", "filter by street"),
    "opt.site_name": (
        "按名称筛选：名称的一部分或拼音首字母（如 fqnm）",
        "filter by name: part of it, or its pinyin initials (e.g. fqnm)",
    ),
    "arg.item": ("测评内容编号，如 NM-01-02", "item id, e.g. NM-01-02"),
    "arg.site": (
        "点位编号（如 QY-C-01），或名称中唯一的一部分",
        "site id (e.g. QY-C-01), or a unique part of its name",
    ),
    "cli.undecodable_option": (
        "{option} 的值 '{value}' 含有无法识别为文字的字节",
        "the value '{value}' of {option} holds bytes that are not text",
    ),
    "cli.undecodable_argument": (
        "参数 '{value}' 含有无法识别为文字的字节",
        "the argument '{value}' holds bytes that are not text",
    ),
    "cli.undecodable_env": (
        "环境变量 {name} 的值 '{value}' 含有无法识别为文字的字节",
        "the environment variable {name} ('{value}') holds bytes that are not text",
    ),
    "cli.nul_argument": (
        "{option} 的值含有 NUL 字符（U+0000），不能保存",
        "the value of {option} holds a NUL character (U+0000), which cannot be stored",
    ),
    "cli.nul_hint": ("删除该字符后重试", "delete that character and try again"),
    "output.stdout_closed": ("标准输出已关闭", "standard output is closed"),
    "output.stdout_closed_hint": (
        "不要关闭标准输出；不需要输出时重定向到 /dev/null（Windows 上为 NUL）",
        "do not close standard output; redirect it to /dev/null (NUL on Windows) if not needed",
    ),
    "walk.header": (
        "逐项检查：{site}（{site_id}）· 轮次 {round} · 检查人员 {inspector}",
        "Walking {site} ({site_id}) · round {round} · inspector {inspector}",
    ),
    "walk.checklist": (
        "本点位适用 {total} 项；本轮已记录 {done} 项，待检查 {todo} 项。随时输入 q 退出，Ctrl-C 中断，已记录的不会丢失。",
        "{total} items apply to this site; {done} already recorded in this round, {todo} to check. "
        "Type q to quit or press Ctrl-C at any time; what is recorded stays recorded.",
    ),
    "walk.ask_revisit": (
        "已记录的 {done} 项默认跳过；是否重新查看？(y/N)",
        "the {done} items already recorded are skipped; revisit them? (y/N)",
    ),
    "walk.nothing_left": (
        "本轮该点位适用的 {total} 项均已记录，无需继续。",
        "all {total} items of this site are recorded in this round; nothing left to do.",
    ),
    "walk.progress": ("第 {n}/{m} 项 · {category}", "item {n} of {m} · {category}"),
    "walk.veto": ("一票否决", "veto"),
    "walk.already": ("本轮已记录：{results}", "already recorded in this round: {results}"),
    "walk.method_points": (
        "测评方法：{method} · 标准分 {points} · {scoring}",
        "method: {method} · points: {points} · {scoring}",
    ),
    "walk.counting_rule": ("计数规则：{rule}", "counting rule: {rule}"),
    "walk.ask_choice": (
        "符合 y / 不符合 n / 不适用 a / 跳过 s / 退出 q",
        "pass y / fail n / n.a. a / skip s / quit q",
    ),
    "walk.choice_bad": (
        "无法识别「{text}」；请输入 y（符合）、n（不符合）、a（不适用）、s（跳过）或 q（退出）",
        "'{text}' is not an answer; type y (pass), n (fail), a (n.a.), s (skip) or q (quit)",
    ),
    "walk.ask_count": ("例数（回车 = 1）", "occurrences (Enter = 1)"),
    "walk.count_bad": (
        "「{text}」不是有效的例数；请输入不小于 1 的整数",
        "'{text}' is not a count; type a whole number of at least 1",
    ),
    "walk.ask_note": ("问题描述（可空）", "note (optional)"),
    "walk.ask_location": ("具体位置（可空）", "location (optional)"),
    "walk.ask_photos": (
        "照片路径（多张用空格或逗号分隔，可空）",
        "photo paths (separated by spaces or commas; optional)",
    ),
    "walk.photos_bad_quote": (
        "引号未配对：{text}；请重新输入",
        "unbalanced quote in: {text}; type the paths again",
    ),
    "walk.photo_bad": ("照片有误：{message}", "bad photo: {message}"),
    "walk.photo_hint": (
        "{hint}；请重新输入照片路径（回车 = 不附照片）",
        "{hint}; type the photo paths again (Enter = none)",
    ),
    "walk.photos_ok": ("{count} 张照片已校验", "{count} photo(s) checked"),
    "walk.ask_on_spot": ("是否已立行立改？(y/N)", "fixed on the spot? (y/N)"),
    "walk.yes_no_bad": ("请输入 y（是）或 n（否）", "type y (yes) or n (no)"),
    "walk.ask_reason": ("不适用的原因（必填）", "reason it does not apply (required)"),
    "walk.reason_required": ("不适用必须说明原因", "not applicable needs a reason"),
    "walk.recorded": ("已记录：{what}（{id}）", "recorded: {what} ({id})"),
    "walk.what_fail": (
        "{result} {count} 例，整改期限 {due}",
        "{result}, {count} occurrence(s), rectify by {due}",
    ),
    "walk.what_on_spot": (
        "{result} {count} 例，已立行立改",
        "{result}, {count} occurrence(s), fixed on the spot",
    ),
    "walk.refused": ("未记录：{message}", "not recorded: {message}"),
    "walk.refused_hint": (
        "{hint}；请重新回答本项（或输入 s 跳过、q 退出）",
        "{hint}; answer this item again (or s to skip, q to quit)",
    ),
    "walk.end": ("{site} 的检查清单已走完。", "end of the checklist of {site}."),
    "walk.quit_midway": (
        "已退出；正在回答的这一项未记录，此前的记录均已保存。",
        "quit; the item being answered is not recorded, everything recorded before is kept.",
    ),
    "walk.interrupted": (
        "已中断；此前的记录均已保存。",
        "interrupted; everything recorded so far is kept.",
    ),
    "walk.summary": (
        "本次记录 {recorded} 项（符合 {passed}，不符合 {failed}，不适用 {na}），跳过 {skipped} 项；尚余 {remaining} 项未记录。",
        "recorded {recorded} (pass {passed}, fail {failed}, n.a. {na}), skipped {skipped}; "
        "{remaining} remaining.",
    ),
    "walk.resume": ("继续检查请执行：{command}", "to resume, run: {command}"),
    "init.help": (
        "新建工作区：写入 inspect.toml，复制内置测评标准与点位（或指向已有目录），建立空的记录库。",
        "Create a workspace: write inspect.toml, copy the bundled standards and sites (or point "
        "at existing folders) and create an empty store.",
    ),
    "init.directory": (
        "工作区目录（默认当前目录）",
        "workspace folder (default: the current folder)",
    ),
    "init.district": ("区县名称", "district name"),
    "init.language": ("工作区默认语言：zh 或 en", "the workspace's language: zh or en"),
    "init.standards": (
        "使用已有的测评标准目录（不复制）；默认复制内置标准",
        "use this standards folder (not copied); default: copy the bundled standards",
    ),
    "init.sites": (
        "使用已有的点位目录（不复制）；默认复制内置点位",
        "use this sites folder (not copied); default: copy the bundled sites",
    ),
    "init.inspector": (
        "写入配置的默认检查人员（可被 --inspector 和 INSPECT_INSPECTOR 覆盖）",
        "default inspector written to the config (--inspector and INSPECT_INSPECTOR override it)",
    ),
    "init.created": (
        "已创建工作区 {path}：测评内容 {items} 项，点位 {sites} 个；记录库 {store}",
        "created the workspace {path}: {items} items, {sites} sites; store {store}",
    ),
    "init.created_invalid": (
        "已创建工作区 {path}，但测评标准或点位有错误；请运行 inspect validate 查看",
        "created the workspace {path}, but its standards or sites have errors; run inspect validate",
    ),
    "store.opt_inspector": (
        "检查人员（默认取 INSPECT_INSPECTOR，再取工作区配置的 inspector）",
        "inspector (default: INSPECT_INSPECTOR, then the workspace config's inspector)",
    ),
    "storecmd.help": (
        "记录库管理：迁移到服务器或导出为文件",
        "manage the store: move it to a server or into a file",
    ),
    "storecmd.copy_help": (
        "把本工作区的记录库完整复制到另一个记录库（PostgreSQL 网址或 SQLite 文件），并核对条数和哈希",
        "copy this workspace's whole store into another (a PostgreSQL URL or a SQLite file), "
        "verifying counts and hashes",
    ),
    "storecmd.to_opt": (
        "目标记录库：postgresql://用户@主机/数据库，或 SQLite 文件路径（须为空）",
        "the target store: postgresql://user@host/database, or a SQLite file path (must be empty)",
    ),
    "store.copied": (
        "已复制到 {target}：{rounds} 个轮次、{findings} 条记录、{events} 个后续事件、{photos} 张照片；条数和哈希核对一致",
        "copied to {target}: {rounds} rounds, {findings} findings, {events} later events, "
        "{photos} photos; counts and hashes verified",
    ),
    "store.copy_unchanged": (
        "{target} 已有完全相同的记录（{findings} 条记录），未作任何改动",
        "{target} already holds exactly the same records ({findings} findings); nothing was changed",
    ),
    "round.help": (
        "检查轮次：开启、列出、关闭、重新固定",
        "Inspection rounds: open, list, close, re-pin",
    ),
    "round.open_help": (
        "开启一个检查轮次，并锁定当前测评标准的编号和版本。",
        "Open an inspection round, pinned to the current standard's id and version.",
    ),
    "round.close_help": (
        "关闭检查轮次；关闭后不能再记录。",
        "Close a round; nothing more can be recorded into it.",
    ),
    "round.list_help": ("按日期列出检查轮次。", "List rounds by date."),
    "round.name_arg": ('轮次名称，例如 "2026-06 督导"', 'round name, e.g. "2026-06 supervision"'),
    "round.kind_opt": (
        "轮次类型：self-check 自查、supervision 督导、unannounced 暗访、re-inspection 复查、acceptance 验收",
        "kind: self-check, supervision, unannounced, re-inspection, acceptance",
    ),
    "round.date_opt": ("轮次日期 YYYY-MM-DD（默认今天）", "round date YYYY-MM-DD (default: today)"),
    "round.opened": (
        "已开启轮次 {name}（{kind}，{date}），测评标准 {standard}",
        "opened round {name} ({kind}, {date}) against standard {standard}",
    ),
    "round.closed_ok": ("已关闭轮次 {name}", "closed round {name}"),
    "round.closed_unfinished": (
        "该轮次还有 {count} 个问题未销号（待整改 {open} 个，已整改待复查 {rectified} 个）；"
        "关闭轮次后仍照常整改、复查，并列入整改台账",
        "{count} problem(s) of the round are not closed yet ({open} to rectify, {rectified} "
        "awaiting re-check): they are still rectified, re-checked and on the ledger",
    ),
    "round.close_at_opt": (
        '关闭时间（默认现在），如 "2026-06-30 17:00"',
        'when the round was closed (default: now), e.g. "2026-06-30 17:00"',
    ),
    "record.help": (
        "记录一条检查结果并输出其编号；只给 --site 时逐项检查该点位。",
        "Record one finding and print its id; with only --site, walk the site's checklist.",
    ),
    "record.opt_site": (
        "点位编号，或名称中唯一的一部分（拼音首字母亦可）",
        "site id, or a unique part of its name (pinyin initials too)",
    ),
    "record.opt_item": ("测评内容编号", "item id"),
    "record.opt_result": (
        "结果：pass 符合（合格）、fail 不符合（不合格）、na 不适用",
        "result: pass, fail or na (not applicable), or their Chinese words",
    ),
    "record.opt_count": ("不符合的例数（默认 1）", "occurrences of a failure (default 1)"),
    "record.opt_note": ("说明；不适用时必填原因", "note; required (the reason) for na"),
    "record.opt_location": ('具体位置，例如 "东门入口"', 'where exactly, e.g. "east entrance"'),
    "record.opt_photo": ("问题照片（可多次给出）", "photo of the problem (repeatable)"),
    "record.opt_at": (
        "发现时间 YYYY-MM-DD [HH:MM]（默认现在，不能晚于现在）",
        "when it was found, YYYY-MM-DD [HH:MM] (default: now; not in the future)",
    ),
    "record.opt_due": (
        "整改期限 YYYY-MM-DD（默认：发现日期 + 该项整改时限天数）",
        "due date YYYY-MM-DD (default: found date + the item's rectification days)",
    ),
    "record.opt_on_spot": (
        "立行立改：当场整改完毕，直接销号（仍计为不符合）",
        "fixed on the spot: closed at once, still counts as a failure",
    ),
    "record.opt_round": (
        "记录到的轮次（默认唯一进行中的轮次）",
        "round to record into (default: the only open round)",
    ),
    "record.needs_item": (
        "{options} 需要与 --item 一起使用",
        "{options} needs --item",
    ),
    "record.needs_item_hint": (
        "用 --item 测评内容编号 --result pass|fail|na 记录一项",
        "record one item with --item ITEM --result pass|fail|na",
    ),
    "record.needs_result": ("缺少 --result", "missing --result"),
    "record.needs_result_hint": (
        "用 --result pass、fail 或 na 给出结果",
        "give the result with --result pass, fail or na",
    ),
    "record.done": (
        "已记录：{site} {site_name} · {item} {what}（轮次：{round}；问题编号 {number}）",
        "recorded: {site} {site_name} · {item} {what} (round: {round}; number {number})",
    ),
    "record.count_suffix": (" {count} 例", ", {count} occurrence(s)"),
    "record.due_suffix": ("，整改期限 {due}", ", due {due}"),
    "record.on_spot_suffix": ("，立行立改已销号", ", fixed on the spot and closed"),
    "lifecycle.id_arg": (
        "问题编号，或记录标识（可只给前几位，至少 6 位）",
        "finding number, or its id (or the id's first 6+ characters)",
    ),
    "lifecycle.rectify_help": (
        "登记整改（待整改 → 已整改待复查），可附整改照片。",
        "Record a rectification (open → rectified, awaiting re-check), with after-photos.",
    ),
    "lifecycle.recheck_help": (
        "复查已整改的问题：--pass 销号，--reject 退回整改。",
        "Re-check a rectified finding: --pass closes it, --reject sends it back.",
    ),
    "lifecycle.opt_rectify_note": ("整改说明（必填）", "what was done (required)"),
    "lifecycle.opt_photo": ("整改后照片（可多次给出）", "after-photo (repeatable)"),
    "lifecycle.opt_by": (
        "整改单位（默认点位的责任单位）",
        "who rectified (default: the site's responsible unit)",
    ),
    "lifecycle.opt_pass": ("复查通过，销号", "passed: close it"),
    "lifecycle.opt_reject": ("复查未通过，退回整改", "failed: send it back"),
    "lifecycle.opt_recheck_note": ("复查意见", "re-check remarks"),
    "lifecycle.pass_or_reject": (
        "请给出 --pass 或 --reject 之一",
        "give exactly one of --pass or --reject",
    ),
    "lifecycle.pass_or_reject_hint": (
        "--pass 销号；--reject 退回整改（建议用 --note 说明原因）",
        "--pass closes it; --reject sends it back (say why with --note)",
    ),
    "lifecycle.rectified": (
        "已登记整改：{id}（整改单位：{by}），待复查",
        "rectification recorded: {id} (by {by}), awaiting re-check",
    ),
    "lifecycle.closed": ("复查通过，已销号：{id}", "re-check passed, closed: {id}"),
    "lifecycle.sent_back": ("复查未通过，已退回整改：{id}", "re-check failed, sent back: {id}"),
    "findings.help": ("检查记录：列出、查看、更正、作废", "Findings: list, show, amend, void"),
    "findings.list_help": (
        "列出检查记录（可筛选）；表格、JSON（全部字段）或 CSV（UTF-8 带 BOM）。",
        "List findings, filtered; as a table, JSON (every field) or CSV (UTF-8 with BOM).",
    ),
    "findings.show_help": (
        "查看一条记录及其完整历史（含已作废）。",
        "Show a finding (voided too) and its full history.",
    ),
    "findings.amend_help": (
        "更正记录（说明、位置、例数、期限或结果）；必须说明原因，旧值保留在历史中。",
        "Correct a finding (note, location, count, due date or result); a reason is required and "
        "the old values stay in the history.",
    ),
    "findings.void_help": (
        "作废记录：不再计入列表和评分，但保留在历史中。",
        "Void a finding: it leaves lists and scores but stays in the history.",
    ),
    "findings.opt_round": ("只列出该轮次", "only this round"),
    "findings.opt_site": ("只列出该点位：编号或名称", "only this site: id or name"),
    "findings.opt_unit": ("只列出该责任单位的点位", "only sites of this responsible unit"),
    "findings.opt_street": ("只列出该街道的点位", "only sites in this street (sub-district)"),
    "findings.opt_item": ("只列出该测评内容", "only this item"),
    "findings.opt_status": (
        "只列出该状态：open 待整改、rectified 已整改待复查、closed 已销号",
        "only this status: open, rectified, closed",
    ),
    "findings.opt_result": ("只列出该结果：pass、fail、na", "only this result: pass, fail, na"),
    "findings.opt_overdue": ("只列出逾期未销号的问题", "only overdue, unclosed problems"),
    "findings.opt_as_of": (
        "计算逾期的日期 YYYY-MM-DD（默认今天）",
        "date overdue is computed at, YYYY-MM-DD (default: today)",
    ),
    "findings.opt_voided": ("也列出已作废的记录", "include voided findings"),
    "findings.opt_format": ("输出格式：table、json 或 csv", "output format: table, json or csv"),
    "findings.opt_reason": ("更正原因（必填）", "why (required)"),
    "findings.opt_void_reason": ("作废原因（必填）", "why (required)"),
    "findings.opt_amend_note": (
        "新的说明（空字符串表示清除）",
        "new note (an empty string clears it)",
    ),
    "findings.opt_amend_location": (
        "新的位置（空字符串表示清除）",
        "new location (an empty string clears it)",
    ),
    "findings.opt_amend_count": ("新的例数", "new number of occurrences"),
    "findings.opt_amend_due": ("新的整改期限 YYYY-MM-DD", "new due date YYYY-MM-DD"),
    "findings.opt_amend_result": ("新的结果：pass、fail 或 na", "new result: pass, fail or na"),
    "findings.amended": ("已更正：{id}", "amended: {id}"),
    "findings.voided": ("已作废：{id}", "voided: {id}"),
    "lifecycle.opt_at": (
        '实际发生时间（默认现在），如 "2026-06-05 16:00"',
        'when it happened (default: now), e.g. "2026-06-05 16:00"',
    ),
    "record.opt_yes": (
        "发现时间不在轮次时间范围内时仍然记录（已核对无误）",
        "record even when the found time lies outside the round's dates (checked)",
    ),
    "record.opt_supersedes": (
        "取代本轮同一点位同一条目的记录（问题编号，可多次给出）：同时作废",
        "replace a finding (its number; repeatable) of the same item at the same site in this "
        "round: it is voided at the same time",
    ),
    "record.outside_window_ask": ("仍然记录到该轮次吗？", "Record it in this round anyway?"),
    "round.repin_help": (
        "让轮次改按当前的标准和点位文件评分（记录原因，可追溯）",
        "score a round by the current standard and sites files from now on (with a reason, "
        "kept in its history)",
    ),
    "round.opt_reason": ("重新固定的原因", "why the round is re-pinned"),
    "round.repinned": (
        "轮次“{name}”已改按当前文件评分（改动：{changes}）",
        "round '{name}' is now scored by the current files (changes: {changes})",
    ),
    "round.repinned_first": (
        "轮次“{name}”已固定当前文件为评分依据",
        "round '{name}' is now pinned to the current files",
    ),
    "walk.ask_time": (
        "发现时间（回车 = 默认；如 2026-06-02 10:30）",
        "found at (Enter = default; e.g. 2026-06-02 10:30)",
    ),
    "walk.time_word": ("发现时间", "found time"),
    "walk.opt_ask_time": (
        "逐项询问发现时间（补录纸质记录时用）",
        "ask the found time of each answer (entering paper forms)",
    ),
    "report.progress": ("正在生成报告", "writing the report"),
    "report.written": ("已写入 {path}", "wrote {path}"),
    "report.help": (
        "生成报告：整改台账、验收报告、整改提醒、整改进度、督查通报",
        "Produce reports: rectification ledgers, acceptance reports, reminders, rectification "
        "progress and the supervision bulletin",
    ),
    "report.rectification.help": (
        "整改台账：可打印的台账（含照片、合计和签字栏）、全部字段的数据表，以及每个责任单位一个工作表；"
        "逾期问题高亮。",
        "Rectification ledger: the printable ledger (photos, totals, signatures), a data sheet "
        "with every column, and a sheet per responsible unit; overdue problems highlighted.",
    ),
    "report.acceptance.help": (
        "验收报告：汇总表（得分率、结论、排名、小计和图表）及每个点位的验收评分表。",
        "Acceptance report: a summary (rates, verdicts, ranking, subtotals, charts) and a "
        "score sheet per site.",
    ),
    "report.opt.unit": ("只含该责任单位（可重复）", "only this responsible unit (repeatable)"),
    "report.opt.street": ("只含该街道（可重复）", "only this street (repeatable)"),
    "report.opt.round": ("轮次名称", "round name"),
    "report.opt.round_all": ("只含该轮次（默认全部轮次）", "only this round (default: all rounds)"),
    "report.opt.status": (
        "只含该状态：open（待整改）、rectified（已整改待复查）、closed（已销号）；可重复",
        "only this status: open, rectified, closed; repeatable",
    ),
    "report.opt.site": (
        "只含该点位：编号或名称（可重复；未检查的点位也列出）",
        "only this site: id or name (repeatable; listed even when not inspected)",
    ),
    "report.opt.all_sites": (
        "列出目录中的全部点位（默认只列本轮次检查过的点位）",
        "every site of the catalog (default: the sites the round inspected)",
    ),
    "report.opt.level": (
        "只含该级别：city（市级）、district（区级）、other（其他）；可重复",
        "only this level: city, district, other; repeatable",
    ),
    "report.opt.as_of": (
        "统计日期 YYYY-MM-DD（默认今天）；逾期按此日期计算",
        "as-of date YYYY-MM-DD (default today); overdue is computed against it",
    ),
    "report.opt.output": (
        "输出文件（xlsx 默认在当前目录自动命名；csv/json 默认输出到标准输出）",
        "output file (xlsx: a name in the current folder by default; csv/json: stdout)",
    ),
    "report.opt.output_docx": (
        "输出文件（默认在当前目录按起止日期自动命名）",
        "output file (default: in the current folder, named after the two dates)",
    ),
    "report.opt.format": ("输出格式", "output format"),
    "report.opt.photos": (
        "最多嵌入的照片缩略图数量（超出部分写照片路径）",
        "at most this many photo thumbnails are embedded (the rest are written as paths)",
    ),
    "report.opt.paper": (
        "可打印台账的纸张：a4（默认）或 a3，均为横向",
        "paper of the printable ledger: a4 (default) or a3, landscape",
    ),
    "report.opt.photos_dir": (
        "把台账中的照片原图复制到该目录（按问题编号命名），表中照片链接到这些文件",
        "copy the ledger's full-size photos into this folder (named by problem number); "
        "the workbook's photos link to them",
    ),
    "report.photos_dir_xlsx": (
        "--photos-dir 只用于 xlsx 格式",
        "--photos-dir works with the xlsx format only",
    ),
    "report.photos_dir_xlsx_hint": (
        "去掉 --photos-dir，或用 -f xlsx",
        "leave out --photos-dir, or use -f xlsx",
    ),
    "report.photos_dir_file": (
        "{path} 是一个文件，不是目录",
        "{path} is a file, not a folder",
    ),
    "cli.missing_command": ("缺少命令", "missing command"),
    "reminders.help": (
        "整改提醒：每个有逾期或即将到期问题的责任单位一条短消息，发给点位联系人；"
        "每条不超过 300 字（汉字、字母、数字、标点、换行各计 1 字），放不下的问题注明条数并请查阅整改台账。"
        "table/text 输出可直接粘贴到工作群，csv（电话、姓名、内容）供短信平台批量发送，json 含每个问题。",
        "Reminders: one short message per responsible unit with problems overdue or due soon, "
        "addressed to its site contact; at most 300 characters each (every character, digit, "
        "punctuation mark and line break counts one), with the problems that do not fit "
        "counted and the ledger named. table/text to paste into a work group, csv (phone, "
        "name, message) for a bulk-SMS platform, json with every problem.",
    ),
    "reminders.opt.due_within": (
        "同时提醒此后 N 个工作日内到期的问题（按法定节假日和调休计算；0 为只提醒今日到期）",
        "also remind of problems due within N working days (official holidays and adjusted "
        "weekends counted; 0: due today only)",
    ),
    "report.progress.help": (
        "整改进度：时间段内发现的问题按街道、单位、点位类型或点位统计，逐轮对比，列出回头看发现的反复问题",
        "Rectification progress: problems found in a date range by street, unit, site type or "
        "site, round by round, with recurring problems (look back)",
    ),
    "report.bulletin.help": (
        "督查通报：按时间段生成通报文档（总体情况、红黑榜、逾期问题、反复问题、典型问题）",
        "The supervision bulletin: a Word document for a date range (summary, ranking, overdue, "
        "recurring and typical problems)",
    ),
    "report.opt.since": ("起始日期（含），按发现日期", "first day (inclusive), by the day found"),
    "report.opt.until": (
        "截止日期（含），也是统计日期（默认今天）",
        "last day (inclusive), also the as-of date (default today)",
    ),
    "report.opt.rounds": ("只统计这些轮次（可重复）", "only these rounds (repeatable)"),
    "report.opt.by": ("分组方式", "group by"),
    "report.opt.rank_by": ("红黑榜按街道或责任单位排名", "rank streets or responsible units"),
    "report.opt.issue": ("通报期号（如 12）", "the bulletin's issue number (e.g. 12)"),
    "report.opt.typical": ("典型问题条数", "number of typical problems"),
}
