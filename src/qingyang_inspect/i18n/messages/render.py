"""Messages of the renderers: terminal tables, CSV, JSON, workbooks, Word."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report.photo_unusable": (
        "照片无法显示：{name}（{reason}）",
        "photo not shown: {name} ({reason})",
    ),
    "report.photos_unusable": (
        "{count} 张照片无法显示，已在所在单元格注明原因",
        "{count} photo(s) could not be shown; their cells say why",
    ),
    "report.write_failed_hint": (
        "释放磁盘空间、缩短文件名，或用 -o 写到其他可写的目录后重试；已有的文件没有改动",
        "free some disk space, shorten the file name or write elsewhere with -o, and try again; existing files are untouched",
    ),
    "report.target_not_a_file": (
        "不能把报告写到 {path}：{reason}",
        "cannot write the report to {path}: {reason}",
    ),
    "report.target_hint": (
        "用 -o 指定一个文件名（如 台账.xlsx）",
        "name a file with -o (such as ledger.xlsx)",
    ),
    "output.stdout_failed": (
        "无法写入标准输出：{reason}",
        "cannot write to standard output: {reason}",
    ),
    "output.stdout_failed_hint": (
        "把输出重定向到有空间的磁盘上的文件，或用 -o 指定文件",
        "redirect the output to a file on a disk with space, or name a file with -o",
    ),
    "report.photo_missing": ("照片缺失：{name}", "photo missing: {name}"),
    "report.photo_more": ("共{count}张", "{count} photos"),
    "acceptance.chart_pages": ("{title}（第 {first}–{last} 位）", "{title} ({first}–{last})"),
    "report.photo_open": ("点击打开原图", "click to open the full-size photo"),
    "report.exists": ("输出文件 {path} 已存在", "output file {path} already exists"),
    "report.exists_hint": (
        "加 --force 覆盖，或用 -o 指定其他文件名",
        "add --force to overwrite it, or name another file with -o",
    ),
    "report.no_folder": ("输出目录 {path} 不存在", "output folder {path} does not exist"),
    "report.no_folder_hint": (
        "先创建这个目录，或用 -o 指定已有目录中的文件",
        "create the folder first, or give -o a file in a folder that exists",
    ),
    "render.unknown_format": (
        "未知的输出格式 '{fmt}'；可用：{formats}",
        "unknown output format '{fmt}'; available: {formats}",
    ),
    "render.csv_one_table": (
        "「{document}」含多张表，不能写成一个 CSV；请用 --format json 或 xlsx",
        "'{document}' holds several tables and cannot be one CSV; use --format json or xlsx",
    ),
    "render.table_truncated": (
        "只显示前 {shown} 行；用 --format csv 或 json 导出全部，或加筛选条件缩小范围",
        "showing the first {shown} rows only; use --format csv or json for all of them, or narrow the filters",
    ),
}
