"""Messages of the workspace and store area: ``key: (Chinese, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "workspace.not_found": (
        "在 {path} 及其上级目录中找不到工作区（inspect.toml）",
        "no workspace (inspect.toml) in {path} or any folder above it",
    ),
    "workspace.not_a_workspace": (
        "{path} 不是工作区（缺少 inspect.toml）",
        "{path} is not a workspace (no inspect.toml)",
    ),
    "workspace.init_hint": (
        "用 `inspect init 目录` 新建工作区，或用 --workspace / INSPECT_WORKSPACE 指定",
        "create one with `inspect init DIR`, or name one with --workspace / INSPECT_WORKSPACE",
    ),
    "workspace.bad_config": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "workspace.bad_setting": (
        "{path}：设置 {key} 的值 {value} 无效",
        "{path}: setting {key} has an invalid value {value}",
    ),
    # -- evidence --------------------------------------------------------------
    "evidence.stage_before": ("问题照片", "photo"),
    "evidence.stage_after": ("整改照片", "after-photo"),
    "evidence.stage_any": ("照片", "photo"),
    "evidence.missing": ("{what} {path} 不存在", "{what} {path} does not exist"),
    "evidence.missing_hint": (
        "检查文件路径和文件名（含扩展名）是否正确",
        "check the path and the file name, extension included",
    ),
    "evidence.not_a_file": (
        "{what} {path} 是目录，不是文件",
        "{what} {path} is a folder, not a file",
    ),
    "evidence.not_a_file_hint": (
        "请逐个给出照片文件，而不是所在目录",
        "give each photo file, not the folder holding them",
    ),
    "evidence.unreadable": (
        "无法读取{what} {path}：{reason}",
        "cannot read {what} {path}: {reason}",
    ),
    "evidence.unreadable_hint": (
        "检查文件权限，或先把照片复制到本机再记录",
        "check the file's permissions, or copy the photo to this machine first",
    ),
    "evidence.too_large": (
        "{what} {path} 有 {size_mb} MB，超过上限 {limit_mb} MB",
        "{what} {path} is {size_mb} MB, over the {limit_mb} MB limit",
    ),
    "evidence.too_large_hint": (
        "请压缩或缩小照片后再记录（手机照片通常为 2–8 MB）",
        "compress or scale the photo down first (a phone photo is usually 2-8 MB)",
    ),
    "evidence.too_many_pixels": (
        "{what} {path} 的像素数过大，可能是恶意构造的图片",
        "{what} {path} has far too many pixels (a decompression bomb?)",
    ),
    "evidence.not_an_image": (
        "{what} {path} 不是可识别的图片",
        "{what} {path} is not an image this tool can read",
    ),
    "evidence.formats_hint": ("支持的格式：{formats}", "accepted formats: {formats}"),
    "evidence.damaged": (
        "{what} {path} 已损坏或不完整：{reason}",
        "{what} {path} is damaged or incomplete: {reason}",
    ),
    "evidence.damaged_hint": (
        "照片可能未拷贝完整；请重新从手机或相机导出后再记录",
        "the copy may be incomplete; export the photo again from the phone or camera",
    ),
    "evidence.heic_unsupported": (
        "{what} {path} 是 HEIC 格式（苹果手机照片），本机未安装 HEIC 支持",
        "{what} {path} is a HEIC photo (iPhone), and HEIC support is not installed",
    ),
    "evidence.heic_hint": (
        "把照片导出为 JPEG（或在手机设置中选择「兼容性最佳」），或执行 pip install pillow-heif",
        "export the photo as JPEG (iPhone: Settings > Camera > Formats > Most Compatible), "
        "or pip install pillow-heif",
    ),
    "evidence.changed": (
        "照片 {path} 在校验之后被修改了",
        "photo {path} changed after it was checked",
    ),
    "evidence.changed_hint": (
        "等照片拷贝或同步完成后重新执行该命令",
        "wait until the photo has finished copying or syncing, then run the command again",
    ),
    "evidence.write_failed": (
        "无法写入证据目录 {path}：{reason}",
        "cannot write to the evidence folder {path}: {reason}",
    ),
    "evidence.write_failed_hint": (
        "检查磁盘空间和该目录的写权限（工作区配置 evidence）",
        "check disk space and write permission on that folder (workspace setting evidence)",
    ),
    "evidence.corrupt": (
        "证据文件 {path} 的内容与其 SHA-256 文件名不符（文件已被改动或损坏）",
        "evidence file {path} does not match the SHA-256 in its name (changed or damaged)",
    ),
    "evidence.corrupt_hint": (
        "不会覆盖已有证据；请从备份恢复该文件，或联系管理员检查工作区",
        "existing evidence is never overwritten; restore the file from a backup "
        "or ask the administrator to check the workspace",
    ),
    # -- walk (inspect record --site SITE, interactive) ---------------------------
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
        "items already recorded are skipped; revisit them? (y/N)",
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
    "walk.ask_on_spot": ("是否已立行立改？(y/N)", "fixed on the spot (立行立改)? (y/N)"),
    "walk.yes_no_bad": ("请输入 y（是）或 n（否）", "type y (yes) or n (no)"),
    "walk.ask_reason": ("不适用的原因（必填）", "reason it does not apply (required)"),
    "walk.reason_required": ("不适用必须说明原因", "not applicable needs a reason"),
    "walk.recorded": ("已记录：{result}（{id}）", "recorded: {result} ({id})"),
    "walk.result.pass": ("符合", "pass"),
    "walk.result.fail": ("不符合", "fail"),
    "walk.result.na": ("不适用", "n.a."),
    "walk.end": ("{site} 的检查清单已走完。", "end of the checklist of {site}."),
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
}
