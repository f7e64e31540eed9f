"""Messages about what the tool refuses and the machine's faults: special files, sizes,
ranges, undecodable text, full disks and closed outputs."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- what a path is instead of a regular file (files.py) ----------------------
    "file.unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
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
    # -- photos a report cannot show (thumbnails.py) -------------------------------------
    "photo.too_many_pixels": (
        "像素数过大，可能是恶意构造的图片",
        "far too many pixels (a decompression bomb?)",
    ),
    "photo.damaged": ("已损坏或不完整", "damaged or incomplete"),
    "photo.thumb_unwritable": (
        "无法写入缩略图（证据目录和临时目录都不可写）",
        "its thumbnail cannot be written (neither the evidence folder nor the temporary folder is writable)",
    ),
    "report.photo_unusable": (
        "照片无法显示：{name}（{reason}）",
        "photo not shown: {name} ({reason})",
    ),
    "report.photos_unusable": (
        "{count} 张照片无法显示，已在所在单元格注明原因",
        "{count} photo(s) could not be shown; their cells say why",
    ),
    "evidence.name_not_text": (
        "{what} {path} 的文件名含有无法识别为文字的字节",
        "the file name of {what} {path} holds bytes that are not text",
    ),
    "evidence.rename_hint": (
        "请先把照片改为普通的文件名（如 IMG_0001.jpg）再记录",
        "rename the photo to a plain name (such as IMG_0001.jpg) first",
    ),
    # -- operating-system errors, worded (files.os_reason) ----------------------------
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
    "file.reason_io": ("磁盘读写出错（I/O 错误）", "the disk reported an input/output error"),
    # -- text that is not text (cli/common.py) -------------------------------------------
    "cli.undecodable_option": (
        "{option} 的值 '{value}' 含有无法识别为文字的字节",
        "the value '{value}' of {option} holds bytes that are not text",
    ),
    "cli.undecodable_argument": (
        "参数 '{value}' 含有无法识别为文字的字节",
        "the argument '{value}' holds bytes that are not text",
    ),
    "cli.undecodable_env": (
        "环境变量 {name} 的值 '{value}' 含有无法识别为文字的字节",
        "the environment variable {name} ('{value}') holds bytes that are not text",
    ),
    "cli.nul_argument": (
        "{option} 的值含有 NUL 字符（U+0000），不能保存",
        "the value of {option} holds a NUL character (U+0000), which cannot be stored",
    ),
    "cli.nul_hint": ("删除该字符后重试", "delete that character and try again"),
    "cli.undecodable_hint": (
        "命令行和环境变量须为 {encoding} 编码的文字；请检查终端的字符编码，文件名含这类字节的照片请先改名",
        "the command line and environment must be {encoding} text; check the terminal's encoding, and rename a photo whose file name holds such bytes",
    ),
    # -- outputs that cannot be written (render/output.py) ---------------------------------
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
    "output.stdout_closed": ("标准输出已关闭", "standard output is closed"),
    "output.stdout_closed_hint": (
        "不要关闭标准输出；不需要输出时重定向到 /dev/null（Windows 上为 NUL）",
        "do not close standard output; redirect it to /dev/null (NUL on Windows) if not needed",
    ),
    # -- values too long to be what they should be (cli/framework.py) -------------------
    "cli.int_too_long": (
        "{option} 的值是 {digits} 位的数字，太大了",
        "the value of {option} is a number with {digits} digits, far too large",
    ),
    "cli.value_cut": ("{start}…（共 {length} 个字符）", "{start}… ({length} characters)"),
    # -- free text (text.py) ---------------------------------------------------------------
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
    "record.count_too_large": (
        "例数超过上限 {max}",
        "the count of occurrences is over the limit of {max}",
    ),
    "record.count_too_large_hint": (
        "例数是该处发现的问题个数；数量极多时按计数规则分别记录",
        "the count is the number of problems found there; for very many, record them by the counting rule",
    ),
    # -- the store (store/db.py) -----------------------------------------------------------
    "store.not_a_file_hint": (
        "在 inspect.toml 的 store = 中写一个普通文件的路径（不存在时会自动创建）",
        "set store = in inspect.toml to the path of a regular file (it is created if missing)",
    ),
    "store.io_hint": (
        "检查磁盘空间、文件大小限制，以及该文件和所在目录的写权限（WAL 模式会在目录中创建 -wal 和 -shm 文件）",
        "check the disk space, any file size limit, and write permission on the file and its folder (WAL mode creates -wal and -shm files there)",
    ),
    "store.not_sqlite": (
        "文件开头不是 SQLite 数据库的标记",
        "the file does not begin as an SQLite database does",
    ),
    # -- ranges ------------------------------------------------------------------------
    "date.out_of_range": (
        "{option} 的值 '{value}' 超出可用范围：日期须在 {first} 到 {last} 之间",
        "{option}: '{value}' is out of range; dates must be between {first} and {last}",
    ),
}
