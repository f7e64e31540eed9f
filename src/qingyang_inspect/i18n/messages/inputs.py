"""Messages about what the tool reads: files, sizes, free text, photos."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "file.missing": ("文件不存在", "the file does not exist"),
    "file.broken_link": (
        "是符号链接，指向的 {target} 不存在",
        "it is a symbolic link to {target}, which does not exist",
    ),
    "file.link_loop": (
        "是循环的符号链接（链接最终指向自己）",
        "it is a symbolic link that loops back to itself",
    ),
    "file.is_folder": ("是目录，不是文件", "it is a folder, not a file"),
    "file.is_fifo": (
        "是命名管道（FIFO），不是普通文件",
        "it is a named pipe (FIFO), not a regular file",
    ),
    "file.is_device": ("是设备文件，不是普通文件", "it is a device, not a regular file"),
    "file.is_socket": ("是套接字，不是普通文件", "it is a socket, not a regular file"),
    "file.not_regular": ("不是普通文件", "it is not a regular file"),
    "file.too_large": (
        "文件过大（{size_mb} MB，上限 {limit_mb} MB）",
        "the file is too large ({size_mb} MB, limit {limit_mb} MB)",
    ),
    "evidence.special_hint": (
        "请给出照片文件本身，而不是管道、设备或失效的链接",
        "give the photo file itself, not a pipe, a device or a broken link",
    ),
    "photo.too_many_pixels": (
        "像素数过大，可能是恶意构造的图片",
        "far too many pixels (a decompression bomb?)",
    ),
    "photo.damaged": ("已损坏或不完整", "damaged or incomplete"),
    "photo.thumb_unwritable": (
        "无法写入缩略图（证据目录和临时目录都不可写）",
        "its thumbnail cannot be written (neither the evidence folder nor the temporary folder is writable)",
    ),
    "evidence.name_not_text": (
        "{what} {path} 的文件名含有无法识别为文字的字节",
        "the file name of {what} {path} holds bytes that are not text",
    ),
    "evidence.rename_hint": (
        "请先把照片改为普通的文件名（如 IMG_0001.jpg）再记录",
        "rename the photo to a plain name (such as IMG_0001.jpg) first",
    ),
    "file.reason_full": ("磁盘已满", "the disk is full"),
    "file.reason_read_only": ("文件系统是只读的", "the file system is read-only"),
    "file.reason_permission": ("没有权限", "permission denied"),
    "file.reason_quota": ("超出磁盘配额", "the disk quota is exceeded"),
    "file.reason_file_size": (
        "文件超过了系统允许的大小",
        "the file is larger than the system allows",
    ),
    "file.reason_closed": ("输出已关闭", "the output is closed"),
    "file.reason_name_too_long": ("文件名太长", "the file name is too long"),
    "file.reason_missing": ("路径不存在", "no such file or folder"),
    "file.reason_not_folder": ("路径中有一段不是目录", "a part of the path is not a folder"),
    "file.reason_is_folder": ("是目录，不是文件", "it is a folder, not a file"),
    "file.reason_io": ("磁盘读写出错（I/O 错误）", "the disk reported an input/output error"),
    "text.not_text": (
        "{option} 含有无法识别为文字的字节",
        "{option} holds bytes that are not text",
    ),
    "text.control": (
        "{option} 含有控制字符 {code}，不能保存",
        "{option} holds the control character {code}, which cannot be stored",
    ),
    "text.control_hint": (
        "删除该字符后重试（可以含换行和制表符）",
        "delete that character and try again (line breaks and tabs are fine)",
    ),
    "text.one_line_hint": (
        "写成一行，不含换行和控制字符",
        "write it on one line, without line breaks or control characters",
    ),
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
