"""Messages of the campaign area (working days, progress, bulletin, reminders): ``key: (zh, en)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the holiday file ------------------------------------------------------------
    "calendar.file_invalid": (
        "节假日文件有 {count} 处错误：\n{problems}",
        "the holiday file has {count} problem(s):\n{problems}",
    ),
    "calendar.file_hint": (
        "请改正 {file} 后重试；格式见 README 的“工作日与节假日”一节",
        "fix {file} and try again; the README's section on working days shows the format",
    ),
    "calendar.file_unreadable": (
        "无法读取节假日文件 {file}：{reason}",
        "cannot read the holiday file {file}: {reason}",
    ),
    "calendar.file_missing": (
        "inspect.toml 指定的节假日文件不存在：{file}",
        "the holiday file named in inspect.toml does not exist: {file}",
    ),
    "calendar.file_missing_hint": (
        "创建该文件，或从 inspect.toml 删除 holidays 设置（默认读取工作区根目录的 holidays.yaml，没有也可以）",
        "create the file, or remove the holidays setting from inspect.toml (by default "
        "holidays.yaml at the workspace root is read when it exists)",
    ),
    "calendar.not_mapping": (
        "文件内容应为映射，包含 years、holidays、working_days",
        "the file should be a mapping with years, holidays and working_days",
    ),
    "calendar.unknown_key": (
        "未知字段“{key}”；允许的字段：{keys}",
        "unknown field '{key}'; allowed: {keys}",
    ),
    "calendar.years_not_list": (
        "years 应为年份列表，如 [2027]",
        "years should be a list of years, e.g. [2027]",
    ),
    "calendar.bad_year": ("“{value}”不是年份（1949–2200）", "'{value}' is not a year (1949–2200)"),
    "calendar.section_not_list": (
        "{section} 应为列表，每项是一个日期或 {{date: …}} / {{from: …, to: …}}",
        "{section} should be a list, each entry a date or {{date: …}} / {{from: …, to: …}}",
    ),
    "calendar.bad_name": ("name 应为非空文字", "name should be non-empty text"),
    "calendar.date_and_range": (
        "一项只能写 date，或写 from 与 to，不能同时写",
        "an entry has either date or from and to, not both",
    ),
    "calendar.no_date": ("缺少 date（或 from 与 to）", "date (or from and to) is missing"),
    "calendar.not_a_date": (
        "“{value}”不是有效日期；请写成 YYYY-MM-DD，如 2027-10-01",
        "'{value}' is not a valid date; write YYYY-MM-DD, e.g. 2027-10-01",
    ),
    "calendar.range_backwards": (
        "结束日期 {last} 早于开始日期 {first}",
        "the end {last} is before the start {first}",
    ),
    "calendar.range_too_long": ("一段假期最长 {max} 天", "a range spans at most {max} days"),
    "calendar.both": (
        "{date} 同时列为放假和上班；请删除其中一项",
        "{date} is listed both as a holiday and as a working day; remove one",
    ),
    "calendar.default_holiday": ("放假", "holiday"),
    "calendar.default_working": ("调休上班", "working day (adjusted)"),
    # -- due dates in words ------------------------------------------------------------
    "calendar.weekday.0": ("周一", "Monday"),
    "calendar.weekday.1": ("周二", "Tuesday"),
    "calendar.weekday.2": ("周三", "Wednesday"),
    "calendar.weekday.3": ("周四", "Thursday"),
    "calendar.weekday.4": ("周五", "Friday"),
    "calendar.weekday.5": ("周六", "Saturday"),
    "calendar.weekday.6": ("周日", "Sunday"),
    "calendar.weekend": ("周末", "weekend"),
    "calendar.n_working_days": ("{n} 个工作日", "{n} working day(s)"),
    "calendar.n_calendar_days": ("{n} 个自然日", "{n} calendar day(s)"),
    "calendar.due_sum": ("{start} 起 {days} → {due}", "{start} + {days} → {due}"),
    "calendar.due_with_reasons": ("{head}：{reasons}", "{head}: {reasons}"),
    "calendar.on_day": ("{date}（{weekday}）", "{date} ({weekday})"),
    "calendar.day_range": ("{first} 至 {last}", "{first} to {last}"),
    "calendar.skipped": ("跳过 {days} {reason}", "skipped {days}, {reason}"),
    "calendar.adjusted_day": (
        "{date}（{weekday}）调休上班",
        "{date} ({weekday}) is a working day (adjusted weekend)",
    ),
    "calendar.estimated": (
        "{years} 年的节假日安排未知，按周一至周五估算",
        "the holidays of {years} are not known: counted Monday to Friday (an estimate)",
    ),
    "calendar.estimated_warning": (
        "截止日期 {due} 为估算：{note}（chinesecalendar 收录 {first}–{last} 年，{file} 未补充该年）。"
        "国务院公布该年放假安排后，请补入 {file}，再用 inspect findings amend {id} --due 更正",
        "the due date {due} is an estimate: {note} (chinesecalendar covers {first}–{last}, "
        "{file} does not add that year). Once the State Council announces that year's holidays, "
        "add them to {file} and correct it with inspect findings amend {id} --due",
    ),
    "calendar.on_spot": ("立行立改：当日整改", "fixed on the spot: due the same day"),
    "calendar.due_differs": (
        "截止日期由录入时指定，或按当时的标准与日历计算；按现行标准与日历应为 {due}（{basis}）",
        "the due date was given when recorded, or computed from the standard and calendar of "
        "that time; by today's it would be {due} ({basis})",
    ),
    "calendar.col.due_basis": ("期限计算", "due date basis"),
}
