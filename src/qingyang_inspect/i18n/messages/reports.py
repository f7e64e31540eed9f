"""Messages of the reports area: ``key: (Chinese, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- labels of codes ----------------------------------------------------------
    "report.verdict.met": ("达标", "met"),
    "report.verdict.basically_met": ("基本达标", "basically met"),
    "report.verdict.not_met": ("不达标", "not met"),
    "report.verdict.incomplete": ("未完成", "incomplete"),
    "report.verdict.veto": ("{verdict}（一票否决）", "{verdict} (veto)"),
    "report.on_spot": ("立行立改", "fixed on the spot"),
    "report.location": ("位置：{location}", "location: {location}"),
    "report.rectified_by": ("（{unit}，{date}）", " ({unit}, {date})"),
    "report.rectified_on": ("（{date}）", " ({date})"),
    "report.recheck_note": ("{result}：{note}", "{result}: {note}"),
    "report.unknown_site": ("（目录中无此点位）", "(site not in the catalog)"),
    "report.unknown_item": ("（目录中无此条目）", "(item not in the catalog)"),
    "report.photo_missing": ("照片缺失：{name}", "photo missing: {name}"),
    "report.photo_more": ("共{count}张", "{count} photos"),
    "report.veto_item": ("一票否决", "veto"),
    "report.weighted_note": (
        "得分率按类别权重计算：{weights}",
        "score rate weighted by category: {weights}",
    ),
    "report.weight": ("{category} {weight}%", "{category} {weight}%"),
    "report.list_sep": ("；", "; "),
    "report.name_sep": ("、", ", "),
    "report.field": ("{label}：{value}", "{label}: {value}"),
    "report.paren": ("{text}（{inner}）", "{text} ({inner})"),
    "report.all": ("全部", "all"),
    # -- rectification ledger (整改台账) ---------------------------------------------
    "ledger.title": ("{district}文明城市创建整改台账", "{district} rectification ledger"),
    "ledger.subtitle": (
        "轮次：{round}　责任单位：{unit}　状态：{status}　统计截至：{as_of}",
        "Round: {round}   Unit: {unit}   Status: {status}   As of: {as_of}",
    ),
    "ledger.sheet_all": ("全部单位", "All units"),
    "ledger.sheet_data": ("台账数据", "Data"),
    "ledger.col.seq": ("序号", "No."),
    "ledger.col.number": ("问题编号", "Problem no."),
    "ledger.col.problem": ("问题描述", "Problem and place"),
    "ledger.col.contact": ("责任人及联系电话", "Contact and phone"),
    "ledger.col.deadline": ("整改时限及截止日期", "Days and due date"),
    "ledger.col.measures": ("整改措施及完成情况", "Measures and completion"),
    "ledger.overdue_days": ("逾期{days}天", "{days} days overdue"),
    "ledger.fixed_on": ("{date}整改", "rectified {date}"),
    "ledger.fixed_by": ("{unit}\n{date}整改", "{unit}\nrectified {date}"),
    "ledger.closed_on": ("{date}销号", "closed {date}"),
    "ledger.found_on": ("{date}发现", "found {date}"),
    "ledger.photo.before": ("问题", "before"),
    "ledger.photo.after": ("整改后", "after"),
    "ledger.photo_file": ("{number}-{stage}-{n}.{ext}", "{number}-{stage}-{n}.{ext}"),
    "ledger.totals": (
        "合计：问题 {count} 个，其中待整改 {open} 个、已整改待复查 {rectified} 个、已销号 {closed} 个"
        "（立行立改 {on_spot} 个）；逾期未销号 {overdue} 个（统计截至 {as_of}）。",
        "Total: {count} problems: {open} open, {rectified} rectified awaiting re-check, "
        "{closed} closed ({on_spot} fixed on the spot); {overdue} overdue and not closed "
        "(as of {as_of}).",
    ),
    "ledger.legend": (
        "说明：红色底纹的行为逾期问题（已过截止日期且统计日仍未销号），状态栏注明逾期天数；"
        "点击照片可打开原图。",
        "Note: rows shaded red are overdue (past the due date and not closed on the as-of date); "
        "the status column gives the days overdue. Click a photo to open the full-size file.",
    ),
    "ledger.on_time": (
        "按期销号率：{rate}（已销号或已逾期的 {counted} 个问题中，按期销号 {on_time} 个）。",
        "Closed on time: {rate} ({on_time} of the {counted} problems closed or overdue).",
    ),
    "ledger.col.round": ("轮次", "Round"),
    "ledger.col.found": ("发现日期", "Found"),
    "ledger.col.site_id": ("点位编号", "Site ID"),
    "ledger.col.site_name": ("点位名称", "Site"),
    "ledger.col.site_type": ("点位类型", "Site type"),
    "ledger.col.street": ("街道", "Street"),
    "ledger.col.item_id": ("条目编号", "Item ID"),
    "ledger.col.requirement": ("测评内容", "Requirement"),
    "ledger.col.description": ("问题描述", "Problem"),
    "ledger.col.occurrences": ("例数", "Count"),
    "ledger.col.photos_before": ("问题照片", "Photo"),
    "ledger.col.unit": ("责任单位", "Unit"),
    "ledger.col.lead": ("牵头部门", "Lead department"),
    "ledger.col.days": ("整改时限(天)", "Days to fix"),
    "ledger.col.due": ("截止日期", "Due"),
    "ledger.col.status": ("状态", "Status"),
    "ledger.col.overdue": ("是否逾期", "Overdue"),
    "ledger.col.rectification": ("整改情况", "Rectification"),
    "ledger.col.photos_after": ("整改后照片", "Photo after"),
    "ledger.col.recheck": ("复查结果", "Re-check"),
    "ledger.col.closed": ("销号日期", "Closed"),
    "ledger.col.remarks": ("备注", "Remarks"),
    "ledger.empty": ("（无符合条件的问题）", "(no matching problems)"),
    # -- acceptance report (验收报告) ------------------------------------------------
    "acceptance.summary_sheet": ("验收汇总", "Summary"),
    "acceptance.title": ("{district}示范点位验收汇总表", "{district} acceptance summary"),
    "acceptance.subtitle": (
        "轮次：{round}（{date}）　测评标准：{standard}　统计截至：{as_of}",
        "Round: {round} ({date})   Standard: {standard}   As of: {as_of}",
    ),
    "acceptance.standard": ("{title}（版本 {version}）", "{title} (version {version})"),
    "acceptance.form_title": (
        "{district}{site}验收评分表",
        "{district} {site}: acceptance score sheet",
    ),
    "acceptance.rate_note": (
        "说明：得分率 = 实得分 ÷ 应得分 × 100%，只计已检查的条目（不适用、未检查的不计）；"
        "设有类别权重的点位类型先按测评项目计算得分率，再按权重加权（没有已检查条目的测评项目不计，权重按比例折算）。"
        "有未检查条目的点位为“未完成”，不评结论、不参与排名；一票否决项不符合的点位为不达标。"
        "排名先按结论（达标、基本达标、不达标）再按得分率，得分率相同的并列；平均得分率只计已完成的点位。",
        "Note: score rate = earned ÷ possible × 100 %, over checked items only (n/a and unchecked items "
        "count in neither); for site types with category weights the rate is computed per category and "
        "weighted (categories without checked items are left out and the weights rescaled). A site with "
        "unchecked items is 'incomplete': no verdict, no rank; a failed veto item fails the site. Ranks "
        "go by verdict (met, basically met, not met), then by rate; equal rates share a rank; mean rates "
        "count complete sites only.",
    ),
    "acceptance.dates": ("{first} 至 {last}", "{first} to {last}"),
    "acceptance.col.site_id": ("点位编号", "Site ID"),
    "acceptance.col.site_name": ("点位名称", "Site"),
    "acceptance.col.site_type": ("点位类型", "Site type"),
    "acceptance.col.level": ("级别", "Level"),
    "acceptance.col.street": ("街道", "Street"),
    "acceptance.col.unit": ("责任单位", "Responsible unit"),
    "acceptance.col.possible": ("应得分", "Possible"),
    "acceptance.col.earned": ("实得分", "Earned"),
    "acceptance.col.rate": ("得分率", "Score rate"),
    "acceptance.col.verdict": ("验收结论", "Verdict"),
    "acceptance.col.coverage": ("覆盖率", "Coverage"),
    "acceptance.col.open": ("未销号问题数", "Open problems"),
    "acceptance.col.overdue": ("逾期问题数", "Overdue"),
    "acceptance.col.rank": ("排名", "Rank"),
    "acceptance.by_street": ("按街道小计", "Subtotals by street"),
    "acceptance.by_type": ("按点位类型小计", "Subtotals by site type"),
    "acceptance.by_category": ("按测评项目统计不符合", "Failures by category"),
    "acceptance.col.group_street": ("街道", "Street"),
    "acceptance.col.group_type": ("点位类型", "Site type"),
    "acceptance.col.sites": ("点位数", "Sites"),
    "acceptance.col.mean_rate": ("平均得分率", "Mean rate"),
    "acceptance.col.n_met": ("达标", "Met"),
    "acceptance.col.n_basically": ("基本达标", "Basically met"),
    "acceptance.col.n_not_met": ("不达标", "Not met"),
    "acceptance.col.n_incomplete": ("未完成", "Incomplete"),
    "acceptance.col.category": ("测评项目", "Category"),
    "acceptance.col.failed_items": ("不符合条目数", "Failed items"),
    "acceptance.col.failed_occurrences": ("例数合计", "Occurrences"),
    "acceptance.total": ("合计", "Total"),
    "acceptance.chart_rates": ("各点位得分率", "Score rate by site"),
    "acceptance.chart_categories": ("不符合条目数（按测评项目）", "Failed items by category"),
    "acceptance.chart_pages": ("{title}（第 {first}–{last} 位）", "{title} ({first}–{last})"),
    "acceptance.chart_colours": (
        "绿：达标　黄：基本达标　红：不达标　灰：未完成（不排名）",
        "green: met   amber: basically met   red: not met   grey: incomplete (not ranked)",
    ),
    "acceptance.chart_lines_most": (
        "；各级别标准不同，虚线为多数点位的标准",
        "; thresholds differ by level: the dashed lines are those of most sites",
    ),
    "acceptance.line_met": ("达标线 {rate}%", "met {rate}%"),
    "acceptance.line_basically": ("基本达标线 {rate}%", "basically met {rate}%"),
    "acceptance.head.site": ("点位", "Site"),
    "acceptance.head.type": ("点位类型", "Site type"),
    "acceptance.head.street": ("街道", "Street"),
    "acceptance.head.address": ("地址", "Address"),
    "acceptance.head.unit": ("责任单位", "Responsible unit"),
    "acceptance.head.lead": ("牵头部门", "Lead department"),
    "acceptance.head.date": ("验收日期", "Date"),
    "acceptance.head.round": ("轮次", "Round"),
    "acceptance.head.inspectors": ("验收人员", "Inspectors"),
    "acceptance.head.standard": ("测评标准", "Standard"),
    "acceptance.head.thresholds": ("判定标准", "Thresholds"),
    "acceptance.thresholds": (
        "达标 ≥ {met}%，基本达标 ≥ {basically_met}%；一票否决项不符合即不达标",
        "met ≥ {met}%, basically met ≥ {basically_met}%; a failed veto item fails the site",
    ),
    "acceptance.col.seq": ("序号", "No."),
    "acceptance.col.item_id": ("条目编号", "Item ID"),
    "acceptance.col.category_name": ("测评项目", "Category"),
    "acceptance.col.requirement": ("测评内容", "Requirement"),
    "acceptance.col.method": ("测评方法", "Method"),
    "acceptance.col.points": ("标准分", "Points"),
    "acceptance.col.result": ("结果", "Result"),
    "acceptance.col.occurrences": ("例数", "Count"),
    "acceptance.col.deducted": ("扣分", "Deducted"),
    "acceptance.col.score": ("得分", "Score"),
    "acceptance.col.findings": ("问题编号", "Finding IDs"),
    "acceptance.col.remarks": ("备注", "Remarks"),
    "acceptance.foot.possible": ("应得分", "Possible"),
    "acceptance.foot.earned": ("实得分", "Earned"),
    "acceptance.foot.rate": ("得分率", "Score rate"),
    "acceptance.foot.verdict": ("结论", "Verdict"),
    "acceptance.foot.coverage": (
        "覆盖率 {coverage}（已检查 {checked} / 适用 {applicable}，不适用 {na}，未检查 {unchecked}）",
        "coverage {coverage} (checked {checked} / applicable {applicable}, n/a {na}, "
        "unchecked {unchecked})",
    ),
    "acceptance.foot.problems": (
        "未销号问题 {open} 个，其中逾期 {overdue} 个（截至 {as_of}，含各轮次）",
        "{open} open problems, {overdue} overdue (as of {as_of}, all rounds)",
    ),
    "acceptance.sign.inspector": (
        "验收人（签字）：____________________　日期：__________",
        "Inspector (signature): ____________________   Date: __________",
    ),
    "acceptance.sign.unit": (
        "责任单位负责人（签字）：____________________　日期：__________",
        "Head of responsible unit (signature): ____________________   Date: __________",
    ),
    "report.sign.made_by": ("制表人：______________", "Prepared by: ______________"),
    "report.sign.checked_by": ("审核人：______________", "Checked by: ______________"),
    "report.sign.date": ("日期：______________", "Date: ______________"),
    # -- terminal ---------------------------------------------------------------
    "report.progress": ("正在生成报告", "writing the report"),
    "report.written": ("已写入 {path}", "wrote {path}"),
    "ledger.count": ("整改台账共 {count} 条问题", "{count} problems on the ledger"),
    "report.table_title_acceptance": (
        "验收汇总：{round}（统计截至 {as_of}）",
        "Acceptance summary: {round} (as of {as_of})",
    ),
    "report.table_title_site": ("验收评分表：{site}", "Acceptance score sheet: {site}"),
    # -- CLI help and errors ------------------------------------------------------
    "report.help": (
        "生成整改台账和验收报告",
        "Produce rectification ledgers and acceptance reports",
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
    "report.opt.format": ("输出格式", "output format"),
    "report.opt.force": ("覆盖已存在的输出文件", "overwrite an existing output file"),
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
    "report.photo_open": ("点击打开原图", "click to open the full-size photo"),
    "report.file_ledger": (
        "整改台账-{round}-{as_of}",
        "rectification-ledger-{round}-{as_of}",
    ),
    "report.file_ledger_unit": (
        "整改台账-{unit}-{round}-{as_of}",
        "rectification-ledger-{unit}-{round}-{as_of}",
    ),
    "report.file_acceptance": (
        "验收报告-{round}-{as_of}",
        "acceptance-report-{round}-{as_of}",
    ),
    "report.exists": ("输出文件 {path} 已存在", "output file {path} already exists"),
    "report.exists_hint": (
        "加 --force 覆盖，或用 -o 指定其他文件名",
        "add --force to overwrite it, or name another file with -o",
    ),
    "report.no_folder": ("输出目录 {path} 不存在", "output folder {path} does not exist"),
    "report.write_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "report.unknown_unit": (
        "没有责任单位为 {unit} 的点位{suggest}",
        "no site has unit {unit}{suggest}",
    ),
    "report.unknown_street": (
        "没有街道为 {street} 的点位{suggest}",
        "no site is in street {street}{suggest}",
    ),
}
