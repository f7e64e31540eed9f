"""Messages about dates, working days and the holiday file."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "date.out_of_range": (
        "{option} 的值 '{value}' 超出可用范围：日期须在 {first} 到 {last} 之间",
        "{option}: '{value}' is out of range; dates must be between {first} and {last}",
    ),
    "date.bad_format": ("{option} 的值 '{value}' 不是日期", "{option}: '{value}' is not a date"),
    "date.bad_datetime_format": (
        "{option} 的值 '{value}' 不是日期或时间",
        "{option}: '{value}' is not a date or time",
    ),
    "date.bad_month": (
        "{option} 的值 '{value}' 无效：月份 {month} 不在 1–12 之间",
        "{option}: '{value}' is not a valid date: month {month} is not between 1 and 12",
    ),
    "date.bad_day": (
        "{option} 的值 '{value}' 无效：{year} 年 {month} 月只有 {days} 天",
        "{option}: '{value}' is not a valid date: month {month} of {year} has {days} days",
    ),
    "date.bad_time": (
        "{option} 的值 '{value}' 无效：小时应为 0–23，分钟和秒应为 0–59",
        "{option}: '{value}' is not a valid time: hours are 0-23, minutes and seconds 0-59",
    ),
    "date.format_hint": (
        "日期写成 YYYY-MM-DD，例如 {example}",
        "write dates as YYYY-MM-DD, e.g. {example}",
    ),
    "date.datetime_hint": (
        "写成 YYYY-MM-DD 或 YYYY-MM-DD HH:MM，例如 {example}",
        "write YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. {example}",
    ),
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
}
