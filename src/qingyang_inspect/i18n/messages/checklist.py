"""Messages of the offline checklist workbooks: export, the form, import."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "checklist.export_help": (
        "为轮次的点位各写一份检查表工作簿（.xlsx），内容为该轮次固定的测评标准",
        "write a checklist workbook (.xlsx) for each site of the round, from the content the round pinned",
    ),
    "checklist.opt.round": ("轮次名称（须为进行中的轮次）", "the round (must be open)"),
    "checklist.opt.site": (
        "点位编号或名称（可多次给出；默认全部点位）",
        "a site id or name (repeatable; default: every site)",
    ),
    "checklist.opt.street": (
        "只导出该街道的点位（可多次给出）",
        "only the sites of this street (repeatable)",
    ),
    "checklist.opt.unit": (
        "只导出该责任单位的点位（可多次给出）",
        "only the sites of this responsible unit (repeatable)",
    ),
    "checklist.opt.output": (
        "写入的文件夹（默认当前文件夹）",
        "the folder to write into (default: the current folder)",
    ),
    "checklist.output_not_folder": (
        "-o 应为文件夹：{path} 是一个文件",
        "-o must be a folder: {path} is a file",
    ),
    "checklist.written": (
        "已写出 {count} 份检查表到 {folder}",
        "wrote {count} checklist(s) to {folder}",
    ),
    "checklist.round_closed": (
        "轮次“{round}”已关闭，不能再导出或导入检查表",
        "the round '{round}' is closed: no checklists can be exported for it or imported into it",
    ),
    "checklist.round_closed_hint": (
        "请为进行中的轮次导出检查表（inspect round list 查看轮次）",
        "use an open round (inspect round list shows the rounds)",
    ),
    "checklist.round_unpinned": (
        "轮次“{round}”没有固定的测评内容（旧版本创建的存储），无法为检查表盖上内容指纹",
        "the round '{round}' has no pinned content (a store made by an older version), so a checklist cannot carry its fingerprint",
    ),
    "checklist.round_unpinned_hint": (
        '先用 inspect round repin "{round}" --reason … 固定当前内容',
        'pin the current content first: inspect round repin "{round}" --reason …',
    ),
    "checklist.no_sites": ("没有符合条件的点位", "no site matches"),
    "checklist.no_sites_hint": (
        "检查 --site、--street、--unit 的取值（inspect sites list 列出点位）",
        "check --site, --street and --unit (inspect sites list shows the sites)",
    ),
    "checklist.file": ("{round}-{site}", "{round}-{site}"),
    "checklist.title": (
        "{district}文明城市创建点位检查表（{site}）",
        "{district} civilized-city site checklist ({site})",
    ),
    "checklist.head.contact": ("联系人", "Contact"),
    "checklist.head.inspector": ("检查人", "Inspector"),
    "checklist.head.date": ("检查日期", "Date"),
    "checklist.round_text": ("{round}（{kind}，{date}）", "{round} ({kind}, {date})"),
    "checklist.col.item": ("编号", "Item"),
    "checklist.col.requirement": ("测评内容", "Requirement"),
    "checklist.col.result": ("结果", "Result"),
    "checklist.col.count": ("例数", "Count"),
    "checklist.col.note": ("问题描述", "Problem"),
    "checklist.col.location": ("位置", "Location"),
    "checklist.col.photo": ("照片文件名", "Photo file"),
    "checklist.col.on_spot": ("立行立改", "Fixed on spot"),
    "checklist.col.time": ("检查时间", "Time"),
    "checklist.item_terms": (
        "{method} · {points} 分 · {scoring}",
        "{method} · {points} pts · {scoring}",
    ),
    "checklist.veto": (" · 一票否决", " · veto"),
    "checklist.counting_rule": ("计数：{rule}", "Counting: {rule}"),
    "checklist.how_to_fill": (
        "填写说明：每项在“结果”中选择 符合 / 不符合 / 不适用；不符合须填例数（默认 1）和问题描述，不适用须在问题描述中写明原因；照片可插入到“照片文件名”格内，或把照片放在工作簿旁的文件夹并填写文件名（多张用逗号分隔）；检查时间填 时:分，留空按检查日期计。编号列请勿修改。",
        "How to fill: choose Pass / Fail / N/A under Result; a failure needs a count (default 1) and a description, N/A a reason in the description; insert a picture into the photo cell, or put photos in a folder beside the workbook and write their file names (commas between several); Time is hh:mm, empty means the date above. Do not change the Item column.",
    ),
    "checklist.result_prompt": ("请选择：{words}", "choose one of: {words}"),
    "checklist.count_prompt": (
        "例数为 1 到 9999 的整数",
        "the count is a whole number from 1 to 9999",
    ),
    "import.paths_arg": (
        "检查表文件或文件夹（文件夹中的全部 .xlsx）",
        "checklist files, or folders (every .xlsx in them)",
    ),
    "import.opt_photos": (
        "照片文件夹：“照片文件名”列中的文件先在这里找，再在工作簿所在文件夹和同名文件夹中找",
        "a folder of photos: files named in the photo column are looked for here first, then beside the workbook and in a folder named after it",
    ),
    "import.opt_dry_run": (
        "只检查并列出将记录的内容，不写入",
        "check and list what would be recorded; write nothing",
    ),
    "import.opt_format": ("--dry-run 列表的格式", "format of the --dry-run list"),
    "import.table_title": ("将记录的检查记录", "Findings to record"),
    "import.col.place": ("来源单元格", "From cell"),
    "import.col.photos": ("照片", "Photos"),
    "import.col.replaces": ("取代", "Replaces"),
    "import.refused": (
        "共 {count} 处问题，未记录任何内容；改正后重新导入",
        "{count} problem(s): nothing was recorded; fix them and import again",
    ),
    "import.would_record": (
        "将记录 {new} 条（取代 {replaced} 条先前导入的答案）；{unchanged} 行此前已导入；{empty} 行未填写；共 {files} 个文件",
        "would record {new} finding(s) (replacing {replaced} answer(s) imported before); {unchanged} row(s) imported before; {empty} row(s) empty; {files} file(s)",
    ),
    "import.recorded": (
        "已记录 {new} 条（取代 {replaced} 条先前导入的答案）；{unchanged} 行此前已导入；{empty} 行未填写；共 {files} 个文件",
        "recorded {new} finding(s) (replacing {replaced} answer(s) imported before); {unchanged} row(s) imported before; {empty} row(s) empty; {files} file(s)",
    ),
    "import.nothing_new": (
        "没有新内容：{unchanged} 行答案此前已导入，未记录任何内容（{empty} 行未填写，共 {files} 个文件）",
        "nothing new: {unchanged} answered row(s) were imported before, nothing was recorded ({empty} row(s) empty, {files} file(s))",
    ),
    "import.nothing_new_dry": ("没有要记录的新内容", "nothing new to record"),
    "import.store_changed": (
        "检查表核对之后，记录库中 {site} 的检查记录已有变动（轮次“{round}”，另一处同时导入或记录），未记录任何内容",
        "the findings of {site} in round {round} changed since the workbooks were checked (another import or record at the same time): nothing was recorded",
    ),
    "import.store_changed_hint": (
        "重新运行 inspect import：已导入的答案不会重复记录",
        "run inspect import again: answers already imported are not recorded twice",
    ),
    "import.empty_folder": ("文件夹中没有 .xlsx 文件", "the folder holds no .xlsx file"),
    "import.empty_folder_hint": (
        "给出检查表文件或存放它们的文件夹",
        "name checklist files or the folder holding them",
    ),
    "import.no_such_file": ("文件不存在", "no such file"),
    "import.no_such_file_hint": (
        "检查路径和文件名（含 .xlsx）；也可给出存放检查表的文件夹",
        "check the path and file name (with .xlsx); a folder of checklists works too",
    ),
    "import.unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "import.corrupt": (
        "工作簿已损坏，无法读取（{reason}）",
        "the workbook is damaged and cannot be read ({reason})",
    ),
    "import.corrupt_hint": (
        "用 Excel 或 WPS 打开后另存为 .xlsx 再导入，或重新导出检查表填写",
        "open it in Excel or WPS and save it as .xlsx again, or export the checklist again and fill it in",
    ),
    "import.corrupt_cut": (
        "文件不完整或不是 zip 格式，可能在传输中被截断",
        "the file is incomplete or not in zip form, perhaps cut short in transfer",
    ),
    "import.corrupt_parts": (
        "缺少工作簿的组成部分",
        "parts of the workbook are missing",
    ),
    "import.corrupt_content": (
        "工作簿的内容无法解析",
        "the workbook's content cannot be parsed",
    ),
    "import.zip": (
        "是 .zip 文件，不是检查表工作簿",
        "a .zip file, not a checklist workbook",
    ),
    "import.zip_hint": (
        "inspect export-findings 导出的数据包请用 inspect merge 合并；检查表是 .xlsx 文件",
        "merge bundles written by inspect export-findings with inspect merge; "
        "checklists are .xlsx files",
    ),
    "import.not_xlsx": ("不是 .xlsx 工作簿", "not an .xlsx workbook"),
    "import.not_checklist": (
        "不是 inspect checklist export 生成的检查表（缺少隐藏的检查表信息）",
        "not a checklist made by inspect checklist export (its hidden checklist sheet is missing)",
    ),
    "import.not_checklist_hint": (
        "用 inspect checklist export --round … 导出检查表，在导出的文件中填写；复制内容到新工作簿会丢失检查表信息",
        "export checklists with inspect checklist export --round … and fill in those files; copying the cells into a new workbook loses the checklist's hidden sheet",
    ),
    "import.contract_broken": (
        "检查表的隐藏信息被改动过，无法确认条目与轮次",
        "the checklist's hidden sheet was changed: its items and round cannot be trusted",
    ),
    "import.contract_broken_hint": (
        "重新导出该点位的检查表，把答案填入新文件",
        "export the site's checklist again and copy the answers into the new file",
    ),
    "import.sheet_missing": (
        "找不到检查表工作表“{sheet}”（被删除或改名）",
        "the checklist sheet '{sheet}' is missing (deleted or renamed)",
    ),
    "import.old_format": (
        "不支持 {suffix} 文件：检查表须为 .xlsx 工作簿",
        "{suffix} files are not read: a checklist is an .xlsx workbook",
    ),
    "import.old_format_hint": (
        "在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后再导入",
        "save it as 'Excel Workbook (*.xlsx)' in Excel or WPS, then import it",
    ),
    "import.csv": (
        "CSV 文件不能导入：它不带检查表的条目编号和轮次信息",
        "a CSV file cannot be imported: it lacks the checklist's item ids and round",
    ),
    "import.csv_hint": (
        "在 inspect checklist export 导出的 .xlsx 检查表中填写后导入",
        "fill in the .xlsx checklist made by inspect checklist export and import that",
    ),
    "import.encrypted": (
        "工作簿设有打开密码（已加密），无法读取",
        "the workbook is password-protected (encrypted) and cannot be read",
    ),
    "import.encrypted_hint": (
        "在 Excel 或 WPS 中取消打开密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再导入",
        "remove the password in Excel or WPS (File → Info → Protect Workbook → Encrypt with Password, clear it), save, then import",
    ),
    "import.part_too_large": ("工作簿的部件 {part} 过大", "the workbook part {part} is too large"),
    "import.picture_elsewhere": (
        "这里插入了图片，但不在“照片文件名”列的条目行中，无法确定属于哪一项",
        "a picture is inserted here, outside the photo column of an item row: it belongs to no item",
    ),
    "import.picture_elsewhere_hint": (
        "把图片拖到对应条目行的“{column}”格内",
        "move the picture into the '{column}' cell of its item's row",
    ),
    "import.bad_date": ("{label} '{value}' 不是日期", "{label} '{value}' is not a date"),
    "import.bad_date_hint": ("写成 2026-06-10 或 2026年6月10日", "write it as 2026-06-10"),
    "import.item_changed": (
        "条目编号被改为 '{found}'，导出时为 {item}",
        "the item id was changed to '{found}'; it was exported as {item}",
    ),
    "import.item_changed_hint": (
        "编号列不可修改：改回原编号，或重新导出检查表",
        "the item column must not change: restore the id, or export the checklist again",
    ),
    "import.result_missing": (
        "该行已填写其他内容，但{label}为空",
        "the row has entries but {label} is empty",
    ),
    "import.result_missing_hint": ("选择 {words}，或清空该行", "choose {words}, or clear the row"),
    "import.bad_result": ("{label} '{value}' 不是 {words}", "{label} '{value}' is not {words}"),
    "import.bad_result_hint": ("从下拉列表中选择", "choose from the drop-down list"),
    "import.bad_yes_no": (
        "{label} '{value}' 不是 {yes}/{no}",
        "{label} '{value}' is not {yes}/{no}",
    ),
    "import.bad_time": ("{label} '{value}' 不是时间", "{label} '{value}' is not a time"),
    "import.bad_time_hint": ("写成 时:分，如 14:30", "write it as hh:mm, e.g. 14:30"),
    "import.bad_count": ("{label} '{value}' 不是整数", "{label} '{value}' is not a whole number"),
    "import.photo_path": ("照片文件名 '{name}' 含有路径", "the photo name '{name}' holds a path"),
    "import.photo_path_hint": (
        "只写文件名，照片放在工作簿旁或 --photos 指定的文件夹",
        "write the file name only; put the photos beside the workbook or in the folder given with --photos",
    ),
    "import.photo_missing": (
        "照片 '{name}' 不存在（查找了：{folders}）",
        "the photo '{name}' is missing (looked in: {folders})",
    ),
    "import.photo_missing_hint": (
        "把照片放进上述文件夹之一，或用 --photos 指定照片文件夹，或改正文件名",
        "put the photo into one of those folders, name the folder with --photos, or correct the name",
    ),
    "import.unknown_round": (
        "检查表属于轮次“{round}”，本工作区没有这个轮次",
        "the checklist belongs to the round '{round}', which this workspace does not have",
    ),
    "import.unknown_round_hint": (
        "在导出该检查表的工作区导入，或导入本工作区导出的检查表（inspect round list 查看轮次）",
        "import it in the workspace that exported it, or import checklists exported here (inspect round list shows the rounds)",
    ),
    "import.round_closed_hint": (
        "已关闭的轮次不再接受检查记录；如需补录，请与管理员确认后在进行中的轮次重新导出检查表",
        "a closed round takes no more findings; export checklists of an open round instead",
    ),
    "import.repinned": (
        "检查表按轮次“{round}”先前固定的内容（{made}）导出，此后轮次已重新固定为 {now}",
        "the checklist was exported from the content the round '{round}' pinned before ({made}); the round has been re-pinned to {now} since",
    ),
    "import.other_content": (
        "检查表的测评内容（{made}）与轮次“{round}”固定的内容（{now}）不同：来自其他测评标准或其他工作区",
        "the checklist's content ({made}) differs from what the round '{round}' pinned ({now}): it comes from another standard or workspace",
    ),
    "import.other_content_hint": (
        '重新导出：inspect checklist export --round "{round}" --site {site}，把答案填入新文件',
        'export it again (inspect checklist export --round "{round}" --site {site}) and copy the answers into the new file',
    ),
    "import.unknown_site": (
        "点位 {site} 不在轮次“{round}”固定的内容中",
        "the site {site} is not in the content the round '{round}' pinned",
    ),
    "import.no_inspector": (
        "{label}为空：每条检查记录都须有检查人",
        "{label} is empty: every finding needs an inspector",
    ),
    "import.no_inspector_hint": (
        "在表头填写检查人姓名",
        "write the inspector's name in the header",
    ),
    "import.no_date": (
        "{label}为空，第 {row} 行的检查时间无法确定",
        "{label} is empty: the time of row {row} is unknown",
    ),
    "import.no_date_hint": (
        "在表头填写检查日期（如 2026-06-10）",
        "write the date in the header (e.g. 2026-06-10)",
    ),
    "import.answered_twice": (
        "条目 {item} 在另一份检查表中也有不同的答案（{other}）",
        "the item {item} has a different answer in another checklist too ({other})",
    ),
    "import.answered_twice_hint": (
        "同一点位同一条目只保留一个答案，或分两次导入（后导入的取代先导入的）",
        "keep one answer per site and item, or import them one after the other (the later replaces the earlier)",
    ),
    "import.conflict_hint": (
        "该记录不是从检查表导入的：先用 inspect findings void {number} --reason … 作废它，或改正检查表中的答案",
        "that finding was not imported from a checklist: void it first (inspect findings void {number} --reason …), or correct the answer in the checklist",
    ),
    "import.superseded_reason": (
        "被检查表答案 {number} 取代（{place}）",
        "superseded by the checklist answer {number} ({place})",
    ),
}
