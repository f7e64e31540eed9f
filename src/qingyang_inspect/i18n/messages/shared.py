"""Messages named by more than one area of the code."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "check.suggest": ("；是否是 '{candidate}'？", "; did you mean '{candidate}'?"),
    "validate.warning_tag": ("警告", "warning"),
    "label.error": ("错误", "Error"),
    "label.hint": ("提示", "Hint"),
    "opt.format": ("输出格式", "output format"),
    "label.yes": ("是", "yes"),
    "label.no": ("否", "no"),
    "cli.undecodable_hint": (
        "命令行和环境变量须为 {encoding} 编码的文字；请检查终端的字符编码，文件名含这类字节的照片请先改名",
        "the command line and environment must be {encoding} text; check the terminal's encoding, and rename a photo whose file name holds such bytes",
    ),
    "store.warning": ("警告", "Warning"),
    "round.unknown": ("未知轮次 '{name}'{suggest}", "unknown round '{name}'{suggest}"),
    "round.list_hint": (
        "用 inspect round list 查看全部轮次",
        "see every round with inspect round list",
    ),
    "round.closed": (
        "轮次 {name} 已关闭，不能再记录",
        "round {name} is closed; nothing more can be recorded into it",
    ),
    "round.closed_hint": (
        "用 --round 指定进行中的轮次，或用 inspect round open 开启新轮次",
        "name an open round with --round, or open a new one with inspect round open",
    ),
    "finding.result.pass": ("符合", "pass"),
    "finding.result.fail": ("不符合", "fail"),
    "finding.result.na": ("不适用", "n/a"),
    "findings.col.site_id": ("点位编号", "site id"),
    "findings.col.item_id": ("测评内容", "item"),
    "findings.col.result": ("结果", "result"),
    "findings.col.found_at": ("发现时间", "found at"),
    "finding.list_sep": ("、", ", "),
    "pin.list_sep": ("；", "; "),
    "report.unknown_site": ("（目录中无此点位）", "(site not in the catalog)"),
    "report.unknown_item": ("（目录中无此条目）", "(item not in the catalog)"),
    "report.name_sep": ("、", ", "),
    "report.field": ("{label}：{value}", "{label}: {value}"),
    "report.all": ("全部", "all"),
    "ledger.col.problem": ("问题描述", "Problem and place"),
    "acceptance.standard": ("{title}（版本 {version}）", "{title} (version {version})"),
    "acceptance.head.site": ("点位", "Site"),
    "acceptance.head.type": ("点位类型", "Site type"),
    "acceptance.head.street": ("街道", "Street"),
    "acceptance.head.address": ("地址", "Address"),
    "acceptance.head.unit": ("责任单位", "Responsible unit"),
    "acceptance.head.round": ("轮次", "Round"),
    "acceptance.head.standard": ("测评标准", "Standard"),
    "report.opt.force": ("覆盖已存在的输出文件", "overwrite an existing output file"),
    "report.write_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "checklist.help": (
        "离线检查表：导出每个点位的检查表工作簿，现场填写后用 inspect import 导回",
        "offline checklists: a workbook per site to fill in the field, taken back with inspect import",
    ),
    "import.help": (
        "导入填好的检查表工作簿：每个已填写的行记录为该轮次的检查记录（有任何错误则全部不记录）",
        "import filled checklist workbooks: every answered row is recorded as a finding of its round (nothing is recorded while any problem remains)",
    ),
    "export.help": (
        "导出数据包（zip）：轮次、检查记录、处理经过和照片，供另一台电脑合并。",
        "write a bundle (a zip) of rounds, findings, their history and photos for another "
        "laptop to merge.",
    ),
    "merge.help": (
        "合并其他电脑导出的数据包：只追加本库没有的记录，重复合并不改变任何内容；矛盾之处列出待人处理。",
        "merge bundles from other laptops: only what this store lacks is added, merging "
        "again changes nothing; contradictions are listed for a person to settle.",
    ),
}
