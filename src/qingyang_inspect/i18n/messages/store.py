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
}
