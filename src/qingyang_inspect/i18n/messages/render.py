"""Messages of the renderers (render/): formats, truncated tables."""

MESSAGES: dict[str, tuple[str, str]] = {
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
