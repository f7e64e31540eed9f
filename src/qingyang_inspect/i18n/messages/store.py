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
    "workspace.store_password": (
        "{path}：设置 store 中写有密码，密码不能保存在 inspect.toml 中",
        "{path}: setting store contains a password; passwords never go in inspect.toml",
    ),
    "workspace.store_password_hint": (
        "从网址中删去密码，改用环境变量 PGPASSWORD 或 ~/.pgpass 文件提供",
        "remove it from the URL and give it in PGPASSWORD or ~/.pgpass instead",
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
        "the {done} items already recorded are skipped; revisit them? (y/N)",
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
    "walk.ask_on_spot": ("是否已立行立改？(y/N)", "fixed on the spot? (y/N)"),
    "walk.yes_no_bad": ("请输入 y（是）或 n（否）", "type y (yes) or n (no)"),
    "walk.ask_reason": ("不适用的原因（必填）", "reason it does not apply (required)"),
    "walk.reason_required": ("不适用必须说明原因", "not applicable needs a reason"),
    "walk.recorded": ("已记录：{what}（{id}）", "recorded: {what} ({id})"),
    "walk.what_fail": (
        "{result} {count} 例，整改期限 {due}",
        "{result}, {count} occurrence(s), rectify by {due}",
    ),
    "walk.what_on_spot": (
        "{result} {count} 例，已立行立改",
        "{result}, {count} occurrence(s), fixed on the spot",
    ),
    "walk.refused": ("未记录：{message}", "not recorded: {message}"),
    "walk.refused_hint": (
        "{hint}；请重新回答本项（或输入 s 跳过、q 退出）",
        "{hint}; answer this item again (or s to skip, q to quit)",
    ),
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
    # == store, rounds, record, lifecycle, findings (issue 3) =====================
    # -- inspect init ------------------------------------------------------------
    "init.help": (
        "新建工作区：写入 inspect.toml，复制内置测评标准与点位（或指向已有目录），建立空的记录库。",
        "Create a workspace: write inspect.toml, copy the bundled standards and sites (or point "
        "at existing folders) and create an empty store.",
    ),
    "init.directory": (
        "工作区目录（默认当前目录）",
        "workspace folder (default: the current folder)",
    ),
    "init.district": ("区县名称", "district name"),
    "init.language": ("工作区默认语言：zh 或 en", "the workspace's language: zh or en"),
    "init.standards": (
        "使用已有的测评标准目录（不复制）；默认复制内置标准",
        "use this standards folder (not copied); default: copy the bundled standards",
    ),
    "init.sites": (
        "使用已有的点位目录（不复制）；默认复制内置点位",
        "use this sites folder (not copied); default: copy the bundled sites",
    ),
    "init.inspector": (
        "写入配置的默认检查人员（可被 --inspector 和 INSPECT_INSPECTOR 覆盖）",
        "default inspector written to the config (--inspector and INSPECT_INSPECTOR override it)",
    ),
    "init.exists": (
        "{path} 已经是工作区（已有 inspect.toml）",
        "{path} is already a workspace (it has an inspect.toml)",
    ),
    "init.exists_hint": (
        "不会覆盖已有工作区；请换一个目录，或直接在该工作区中工作",
        "an existing workspace is never overwritten; choose another folder or work in that one",
    ),
    "init.not_a_folder": ("{path} 是文件，不是目录", "{path} is a file, not a folder"),
    "init.bad_district": ("--district 不能为空", "--district cannot be empty"),
    "init.missing_folder": ("{option} 指定的 {path} 不存在", "{option}: {path} does not exist"),
    "init.folder_exists": (
        "{path} 已存在，不会覆盖；如要使用它，请用 {option} 指定",
        "{path} exists and is not overwritten; to use it, name it with {option}",
    ),
    "init.no_bundled": (
        "本安装没有内置的测评标准和点位，无法复制（{option}）",
        "this installation has no bundled standards and sites to copy ({option})",
    ),
    "init.no_bundled_hint": (
        "用 --standards 目录 --sites 目录 指定已有的 YAML 目录",
        "name existing YAML folders with --standards DIR --sites DIR",
    ),
    "init.failed": (
        "无法创建工作区 {path}：{reason}",
        "cannot create the workspace {path}: {reason}",
    ),
    "init.failed_hint": (
        "检查目录权限和磁盘空间；本次未留下任何文件",
        "check the folder's permissions and free space; nothing was left behind",
    ),
    "init.created": (
        "已创建工作区 {path}：测评内容 {items} 项，点位 {sites} 个；记录库 {store}",
        "created the workspace {path}: {items} items, {sites} sites; store {store}",
    ),
    "init.created_invalid": (
        "已创建工作区 {path}，但测评标准或点位有错误；请运行 inspect validate 查看",
        "created the workspace {path}, but its standards or sites have errors; run inspect validate",
    ),
    # -- store -------------------------------------------------------------------
    "store.warning": ("警告", "Warning"),
    "store.opt_inspector": (
        "检查人员（默认取 INSPECT_INSPECTOR，再取工作区配置的 inspector）",
        "inspector (default: INSPECT_INSPECTOR, then the workspace config's inspector)",
    ),
    "store.readonly": (
        "记录库 {path} 是只读的，无法写入",
        "the store {path} is read-only; cannot write",
    ),
    "store.readonly_hint": (
        "检查该文件及其所在目录的写权限（WAL 模式需要在目录中创建 -wal 和 -shm 文件）",
        "check write permission on the file and its folder (WAL mode creates -wal and -shm files there)",
    ),
    "store.opened_readonly": (
        "记录库 {path} 以只读方式打开，不能写入",
        "the store {path} was opened read-only; cannot write",
    ),
    "store.cannot_create": (
        "无法创建记录库目录 {path}：{reason}",
        "cannot create the store folder {path}: {reason}",
    ),
    "store.cannot_open": (
        "无法打开记录库 {path}：{reason}",
        "cannot open the store {path}: {reason}",
    ),
    "store.busy": (
        "记录库 {path} 被其他进程占用超过 {seconds} 秒",
        "the store {path} was busy in another process for over {seconds} s",
    ),
    "store.busy_hint": (
        "稍后重试；如果一直如此，检查是否有卡住的 inspect 进程",
        "try again shortly; if it persists, look for a stuck inspect process",
    ),
    "store.full": (
        "磁盘已满，无法写入记录库 {path}；本次未写入任何内容",
        "the disk is full; nothing was written to {path}",
    ),
    "store.full_hint": ("清理磁盘空间后重试", "free some disk space and try again"),
    "store.corrupt": (
        "记录库 {path} 已损坏或不是记录库：{reason}",
        "the store {path} is damaged or not a store: {reason}",
    ),
    "store.not_a_store": (
        "{path} 不是 qingyang-inspect 的记录库",
        "{path} is not a qingyang-inspect store",
    ),
    "store.corrupt_hint": (
        "从备份恢复该文件，或在工作区配置中改用另一个记录库路径",
        "restore the file from a backup, or point the workspace config at another store",
    ),
    "store.too_new": (
        "记录库 {path} 的版本是 {found}，比本工具支持的版本 {current} 新",
        "the store {path} has schema version {found}, newer than this tool's {current}",
    ),
    "store.too_new_hint": (
        "请升级 qingyang-inspect 后再打开它（旧版本不会改动新版本的记录库）",
        "upgrade qingyang-inspect to open it (an old version never touches a newer store)",
    ),
    "store.needs_upgrade": (
        "记录库 {path} 的版本是 {found}，需要升级到 {current} 才能读取",
        "the store {path} has schema version {found} and must be upgraded to {current} to be read",
    ),
    "store.needs_upgrade_hint": (
        "升级需要写权限：由能写入该文件及其所在文件夹的用户运行任意 inspect 命令（如 inspect findings list），即自动升级一次",
        "upgrading needs write access: any inspect command (e.g. inspect findings list) run by "
        "a user who can write the file and its folder upgrades it, once",
    ),
    # -- the store on a server (PostgreSQL) ------------------------------------------
    "store.server_unreachable": (
        "无法连接记录库服务器 {path}：{reason}",
        "cannot reach the store's server {path}: {reason}",
    ),
    "store.server_unreachable_hint": (
        "检查服务器是否已启动、地址和端口是否正确、网络是否通畅；本次没有写入任何内容",
        "check that the server is running and the address and port are right; nothing was written",
    ),
    "store.server_auth": (
        "记录库服务器 {path} 拒绝登录：{reason}",
        "the store's server {path} refused the login: {reason}",
    ),
    "store.server_auth_hint": (
        "检查用户名；密码用环境变量 PGPASSWORD 或 ~/.pgpass 文件提供（不要写进 inspect.toml）",
        "check the user name; give the password in PGPASSWORD or ~/.pgpass (never in inspect.toml)",
    ),
    "store.server_no_database": (
        "记录库服务器 {path} 上没有这个数据库：{reason}",
        "the store's server {path} has no such database: {reason}",
    ),
    "store.server_no_database_hint": (
        "请信息科按 README“团队记录库”一节建好数据库，或改正 inspect.toml 中的 store",
        'ask IT to create it as README\'s "Team store" section says, or correct store in inspect.toml',
    ),
    "store.server_refused": (
        "记录库服务器 {path} 拒绝连接：{reason}",
        "the store's server {path} refused the connection: {reason}",
    ),
    "store.server_denied": (
        "当前账号无权执行此操作（记录库 {path}）：{reason}",
        "this account may not do that in the store {path}: {reason}",
    ),
    "store.server_denied_hint": (
        "请信息科按 README“团队记录库”一节为该账号授权",
        'ask IT to grant the account its rights as README\'s "Team store" section says',
    ),
    "store.server_readonly": (
        "记录库服务器 {path} 只允许读取",
        "the store's server {path} accepts reads only",
    ),
    "store.server_lost": (
        "与记录库服务器 {path} 的连接中断，本次命令没有写入任何内容",
        "the connection to the store's server {path} was lost; this command wrote nothing",
    ),
    "store.server_lost_hint": (
        "服务器恢复后重新运行该命令",
        "run the command again once the server is back",
    ),
    "store.server_lost_commit": (
        "提交时与记录库服务器 {path} 的连接中断，无法确定本次内容是否已保存",
        "the connection to the store's server {path} was lost while committing; "
        "the command's work may or may not be stored",
    ),
    "store.server_lost_commit_hint": (
        "服务器恢复后用 inspect findings list 查看是否已保存，未保存再重新运行",
        "once the server is back, check with inspect findings list, and run it again if missing",
    ),
    "store.server_photo_missing": (
        "照片 {path} 不在本机证据文件夹中，无法存到记录库服务器",
        "the photo {path} is not in this computer's evidence folder: it cannot go to the server",
    ),
    "store.server_photo_missing_hint": (
        "在记录该照片的电脑上运行此命令，或把证据文件夹复制过来",
        "run the command on the computer that recorded the photo, or copy its evidence folder here",
    ),
    "store.server_conflict": (
        "记录库 {path} 上的并发写入多次冲突，本次没有写入任何内容",
        "writes to the store {path} kept conflicting with others; nothing was written",
    ),
    # -- inspect store copy ------------------------------------------------------------
    "storecmd.help": (
        "记录库管理：迁移到服务器或导出为文件",
        "manage the store: move it to a server or into a file",
    ),
    "storecmd.copy_help": (
        "把本工作区的记录库完整复制到另一个记录库（PostgreSQL 网址或 SQLite 文件），并核对条数和哈希",
        "copy this workspace's whole store into another (a PostgreSQL URL or a SQLite file), "
        "verifying counts and hashes",
    ),
    "storecmd.to_opt": (
        "目标记录库：postgresql://用户@主机/数据库，或 SQLite 文件路径（须为空）",
        "the target store: postgresql://user@host/database, or a SQLite file path (must be empty)",
    ),
    "store.copied": (
        "已复制到 {target}：{rounds} 个轮次、{findings} 条记录、{events} 个后续事件、{photos} 张照片；条数和哈希核对一致",
        "copied to {target}: {rounds} rounds, {findings} findings, {events} later events, "
        "{photos} photos; counts and hashes verified",
    ),
    "store.copy_unchanged": (
        "{target} 已有完全相同的记录（{findings} 条记录），未作任何改动",
        "{target} already holds exactly the same records ({findings} findings); nothing was changed",
    ),
    "store.copy_not_empty": (
        "目标记录库 {target} 不是空的（{rounds} 个轮次、{findings} 条记录），且与本记录库不同，不能复制到这里",
        "the target store {target} is not empty ({rounds} rounds, {findings} findings) "
        "and differs from this one: nothing was copied",
    ),
    "store.copy_not_empty_hint": (
        "请换一个空的数据库或新的文件名；已有记录永远不会被覆盖",
        "choose an empty database or a new file name; existing records are never overwritten",
    ),
    "store.copy_differs": (
        "复制到 {target} 后核对不一致（{tables}），已全部撤销，没有写入任何内容",
        "the copy in {target} did not match the source ({tables}); it was undone, nothing was written",
    ),
    "store.copy_differs_hint": (
        "请把此消息报告给维护人员",
        "please report this message to the maintainers",
    ),
    # -- dates -------------------------------------------------------------------
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
    # -- rounds ------------------------------------------------------------------
    "round.help": ("检查轮次：开启、列出、关闭", "Inspection rounds: open, list, close"),
    "round.open_help": (
        "开启一个检查轮次，并锁定当前测评标准的编号和版本。",
        "Open an inspection round, pinned to the current standard's id and version.",
    ),
    "round.close_help": (
        "关闭检查轮次；关闭后不能再记录。",
        "Close a round; nothing more can be recorded into it.",
    ),
    "round.list_help": ("按日期列出检查轮次。", "List rounds by date."),
    "round.name_arg": ('轮次名称，例如 "2026-06 督导"', 'round name, e.g. "2026-06 supervision"'),
    "round.kind_opt": (
        "轮次类型：self-check 自查、supervision 督导、unannounced 暗访、re-inspection 复查、acceptance 验收",
        "kind: self-check, supervision, unannounced, re-inspection, acceptance",
    ),
    "round.date_opt": ("轮次日期 YYYY-MM-DD（默认今天）", "round date YYYY-MM-DD (default: today)"),
    "round.kind.self-check": ("自查", "self-check"),
    "round.kind.supervision": ("督导", "supervision"),
    "round.kind.unannounced": ("暗访", "unannounced visit"),
    "round.kind.re-inspection": ("复查", "re-inspection"),
    "round.kind.acceptance": ("验收", "acceptance"),
    "round.status.open": ("进行中", "open"),
    "round.status.closed": ("已关闭", "closed"),
    "round.col.name": ("轮次", "round"),
    "round.col.kind": ("类型", "kind"),
    "round.col.date": ("日期", "date"),
    "round.col.standard": ("测评标准", "standard"),
    "round.col.status": ("状态", "status"),
    "round.col.findings": ("记录数", "findings"),
    "round.none": (
        "还没有检查轮次；用 inspect round open 开启",
        "no rounds yet; open one with inspect round open",
    ),
    "round.opened": (
        "已开启轮次 {name}（{kind}，{date}），测评标准 {standard}",
        "opened round {name} ({kind}, {date}) against standard {standard}",
    ),
    "round.closed_ok": ("已关闭轮次 {name}", "closed round {name}"),
    "round.close_at_opt": (
        '关闭时间（默认现在），如 "2026-06-30 17:00"',
        'when the round was closed (default: now), e.g. "2026-06-30 17:00"',
    ),
    "round.close_before_date": (
        "关闭时间 {at} 早于轮次“{name}”的日期（{date}）",
        "{at} is before the date of round '{name}' ({date})",
    ),
    "round.close_before_finding": (
        "关闭时间 {at} 早于轮次“{name}”中问题 {number} 的发现时间（{found}）",
        "{at} is before finding {number} of round '{name}' was found ({found})",
    ),
    "round.close_at_hint": (
        "--at 是轮次实际关闭的时间：不得早于轮次日期和其中最后一条记录的发现时间",
        "--at is when the round was closed: no earlier than its date or the last finding "
        "recorded in it",
    ),
    "round.bad_name": (
        "轮次名称 '{name}' 无效：不能为空、不能含控制字符、不超过 {max} 个字符",
        "round name '{name}' is invalid: it must be non-empty, without control characters, at most {max} characters",
    ),
    "round.name_hint": ('例如 "2026-06 督导"', 'e.g. "2026-06 supervision"'),
    "round.bad_kind": (
        "未知的轮次类型 '{kind}'；可选：{kinds}",
        "unknown round kind '{kind}'; choose one of: {kinds}",
    ),
    "round.kind_hint": ("用 --kind 指定轮次类型", "give the kind with --kind"),
    "round.exists": ("轮次 {name} 已存在", "round {name} already exists"),
    "round.exists_hint": (
        "换一个名称；用 inspect round list 查看已有轮次",
        "choose another name; see inspect round list",
    ),
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
    "round.already_closed": ("轮次 {name} 已经关闭", "round {name} is already closed"),
    "round.none_open": ("没有进行中的检查轮次", "no round is open"),
    "round.none_open_hint": (
        "先开启一个轮次：inspect round open 名称 --kind supervision",
        "open one first: inspect round open NAME --kind supervision",
    ),
    "round.several_open": ("有多个进行中的轮次：{names}", "several rounds are open: {names}"),
    "round.several_open_hint": ("用 --round 指定记录到哪个轮次", "say which one with --round"),
    # -- record ------------------------------------------------------------------
    "record.help": (
        "记录一条检查结果并输出其编号；只给 --site 时逐项检查该点位。",
        "Record one finding and print its id; with only --site, walk the site's checklist.",
    ),
    "record.opt_site": (
        "点位编号，或名称中唯一的一部分（拼音首字母亦可）",
        "site id, or a unique part of its name (pinyin initials too)",
    ),
    "record.opt_item": ("测评内容编号", "item id"),
    "record.opt_result": (
        "结果：pass 符合、fail 不符合、na 不适用",
        "result: pass, fail or na (not applicable)",
    ),
    "record.opt_count": ("不符合的例数（默认 1）", "occurrences of a failure (default 1)"),
    "record.opt_note": ("说明；不适用时必填原因", "note; required (the reason) for na"),
    "record.opt_location": ('具体位置，例如 "东门入口"', 'where exactly, e.g. "east entrance"'),
    "record.opt_photo": ("问题照片（可多次给出）", "photo of the problem (repeatable)"),
    "record.opt_at": (
        "发现时间 YYYY-MM-DD [HH:MM]（默认现在，不能晚于现在）",
        "when it was found, YYYY-MM-DD [HH:MM] (default: now; not in the future)",
    ),
    "record.opt_due": (
        "整改期限 YYYY-MM-DD（默认：发现日期 + 该项整改时限天数）",
        "due date YYYY-MM-DD (default: found date + the item's rectification days)",
    ),
    "record.opt_on_spot": (
        "立行立改：当场整改完毕，直接销号（仍计为不符合）",
        "fixed on the spot: closed at once, still counts as a failure",
    ),
    "record.opt_round": (
        "记录到的轮次（默认唯一进行中的轮次）",
        "round to record into (default: the only open round)",
    ),
    "record.needs_item": (
        "{options} 需要与 --item 一起使用",
        "{options} needs --item",
    ),
    "record.needs_item_hint": (
        "用 --item 测评内容编号 --result pass|fail|na 记录一项",
        "record one item with --item ITEM --result pass|fail|na",
    ),
    "record.needs_result": ("缺少 --result", "missing --result"),
    "record.needs_result_hint": (
        "用 --result pass、fail 或 na 给出结果",
        "give the result with --result pass, fail or na",
    ),
    "record.no_inspector": (
        "没有指定检查人员；记录不能匿名",
        "no inspector given; findings are never anonymous",
    ),
    "record.no_inspector_hint": (
        '用 --inspector 姓名，或设置环境变量 INSPECT_INSPECTOR，或在 inspect.toml 的 [workspace] 中写 inspector = "姓名"',
        'use --inspector NAME, set INSPECT_INSPECTOR, or add inspector = "NAME" under [workspace] in inspect.toml',
    ),
    "record.not_applicable": (
        "测评内容 {item} 不适用于点位 {site}（点位类型：{site_type}）",
        "item {item} does not apply to site {site} (site type: {site_type})",
    ),
    "record.not_applicable_hint": (
        "用 inspect sites show {site} 查看该点位适用的测评内容",
        "see the items that apply with inspect sites show {site}",
    ),
    "record.bad_result": (
        "结果 '{value}' 无效；可选：{results}",
        "result '{value}' is invalid; choose one of: {results}",
    ),
    "record.bad_result_hint": (
        "pass 符合、fail 不符合、na 不适用",
        "pass, fail, or na (not applicable)",
    ),
    "record.count_too_small": (
        "不符合的例数必须至少为 1（给出的是 {count}）",
        "a failure needs at least 1 occurrence (got {count})",
    ),
    "record.count_hint": (
        "用 --count 给出例数，或省略（默认 1）",
        "give --count N, or leave it out (default 1)",
    ),
    "record.count_not_fail": (
        "结果为「{result}」时不能给出例数",
        "a '{result}' result takes no count",
    ),
    "record.count_not_fail_hint": (
        "去掉 --count；只有 fail（不符合）需要例数",
        "drop --count; only fail takes a count",
    ),
    "record.na_needs_note": (
        "不适用（na）必须在 --note 中说明原因",
        "na (not applicable) needs the reason in --note",
    ),
    "record.na_needs_note_hint": (
        '例如 --note "该市场无室内停车场"',
        'e.g. --note "the market has no indoor car park"',
    ),
    "record.future": (
        "发现时间 {at} 晚于现在（{now}）",
        "found time {at} is later than now ({now})",
    ),
    "record.future_hint": (
        "检查 --at 的日期和时间；不写 --at 则为现在",
        "check the date and time of --at; without --at it is now",
    ),
    "record.due_before_found": (
        "整改期限 {due} 早于发现日期 {found}",
        "due date {due} is before the found date {found}",
    ),
    "record.due_hint": ("--due 应不早于发现日期", "--due must be on or after the found date"),
    "record.due_not_fail": ("只有不符合的问题才有整改期限", "only failures have a due date"),
    "record.due_not_fail_hint": (
        "去掉 --due，或把结果改为 fail",
        "drop --due, or make the result fail",
    ),
    "record.on_spot_due": (
        "立行立改的问题已当场整改，不需要 --due",
        "a finding fixed on the spot needs no --due",
    ),
    "record.on_spot_not_fail": (
        "只有不符合（fail）的问题可以立行立改",
        "only a failure can be fixed on the spot",
    ),
    "record.on_spot_hint": (
        "--on-spot 只与 --result fail 一起使用，且不带 --due",
        "use --on-spot only with --result fail and without --due",
    ),
    "record.text_too_long": (
        "{option} 有 {length} 个字符，超过上限 {max}",
        "{option} has {length} characters, over the limit of {max}",
    ),
    "record.text_too_long_hint": (
        "请精简文字；详细材料可作为照片附上",
        "shorten it; attach longer material as photos",
    ),
    "record.done": (
        "已记录：{site} {site_name} · {item} {what}（轮次：{round}；问题编号 {number}）",
        "recorded: {site} {site_name} · {item} {what} (round: {round}; number {number})",
    ),
    "record.count_suffix": (" {count} 例", ", {count} occurrence(s)"),
    "record.due_suffix": ("，整改期限 {due}", ", due {due}"),
    "record.on_spot_suffix": ("，立行立改已销号", ", fixed on the spot and closed"),
    # -- findings: labels ----------------------------------------------------------
    "finding.result.pass": ("符合", "pass"),
    "finding.result.fail": ("不符合", "fail"),
    "finding.result.na": ("不适用", "n/a"),
    "finding.result.unchecked": ("未检查", "unchecked"),
    "finding.result.conflict": ("结果冲突", "conflicting results"),
    "finding.status.open": ("待整改", "to rectify"),
    "finding.status.rectified": ("已整改待复查", "rectified, awaiting re-check"),
    "finding.status.closed": ("已销号", "closed"),
    "finding.status.none": ("—", "—"),
    "finding.recheck.pass": ("通过", "passed"),
    "finding.recheck.reject": ("退回", "sent back"),
    "finding.voided": ("已作废", "voided"),
    "finding.closed_late": ("逾期销号（{days}天）", "closed {days} day(s) late"),
    "finding.on_spot_suffix": ("（立行立改）", " (fixed on the spot)"),
    "finding.overdue_suffix": ("（逾期）", " (overdue)"),
    "finding.photo.before": ("问题照片", "photo"),
    "finding.photo.after": ("整改照片", "after-photo"),
    "finding.unknown": ("找不到编号为 {id} 的记录", "no finding with id {id}"),
    "finding.list_hint": (
        "用 inspect findings list 查看记录编号",
        "see the ids with inspect findings list",
    ),
    "finding.bad_id": ("'{id}' 不是记录编号", "'{id}' is not a finding id"),
    "finding.id_too_short": (
        "编号 '{id}' 太短；至少给出前 {min} 位",
        "id '{id}' is too short; give at least its first {min} characters",
    ),
    "finding.ambiguous": (
        "编号前缀 '{id}' 对应多条记录：{candidates}",
        "id prefix '{id}' matches several findings: {candidates}",
    ),
    "finding.ambiguous_hint": ("多给出几位编号", "give more characters of the id"),
    # -- events ------------------------------------------------------------------
    "event.kind.recorded": ("记录", "recorded"),
    "event.kind.amended": ("更正", "amended"),
    "event.kind.rectified": ("整改", "rectified"),
    "event.kind.rechecked": ("复查", "re-checked"),
    "event.kind.voided": ("作废", "voided"),
    "event.field.result": ("结果", "result"),
    "event.field.occurrences": ("例数", "occurrences"),
    "event.field.note": ("说明", "note"),
    "event.field.location": ("位置", "location"),
    "event.field.due_date": ("整改期限", "due date"),
    "event.field.status": ("状态", "status"),
    "event.change": ("{field}：{old} → {new}", "{field}: {old} → {new}"),
    "event.rectified": ("整改说明：{note}（整改单位：{by}）", "rectification: {note} (by {by})"),
    "event.rechecked.pass": ("复查通过，销号", "re-check passed, closed"),
    "event.rechecked.reject": ("复查未通过，退回整改", "re-check failed, sent back"),
    "event.photos": ("照片 {count} 张", "{count} photo(s)"),
    "event.col.seq": ("序号", "#"),
    "event.col.at": ("发生时间", "happened"),
    "event.col.entered_at": ("录入时间", "entered"),
    "event.col.kind": ("操作", "event"),
    "event.col.actor": ("操作人", "by"),
    "event.col.what": ("内容", "what"),
    "event.col.reason": ("原因", "reason"),
    # -- lifecycle ---------------------------------------------------------------
    "lifecycle.id_arg": (
        "问题编号，或记录标识（可只给前几位，至少 6 位）",
        "finding number, or its id (or the id's first 6+ characters)",
    ),
    "lifecycle.rectify_help": (
        "登记整改（待整改 → 已整改待复查），可附整改照片。",
        "Record a rectification (open → rectified, awaiting re-check), with after-photos.",
    ),
    "lifecycle.recheck_help": (
        "复查已整改的问题：--pass 销号，--reject 退回整改。",
        "Re-check a rectified finding: --pass closes it, --reject sends it back.",
    ),
    "lifecycle.opt_rectify_note": ("整改说明（必填）", "what was done (required)"),
    "lifecycle.opt_photo": ("整改后照片（可多次给出）", "after-photo (repeatable)"),
    "lifecycle.opt_by": (
        "整改单位（默认点位的责任单位）",
        "who rectified (default: the site's responsible unit)",
    ),
    "lifecycle.opt_pass": ("复查通过，销号", "passed: close it"),
    "lifecycle.opt_reject": ("复查未通过，退回整改", "failed: send it back"),
    "lifecycle.opt_recheck_note": ("复查意见", "re-check remarks"),
    "lifecycle.pass_or_reject": (
        "请给出 --pass 或 --reject 之一",
        "give exactly one of --pass or --reject",
    ),
    "lifecycle.pass_or_reject_hint": (
        "--pass 销号；--reject 退回整改（建议用 --note 说明原因）",
        "--pass closes it; --reject sends it back (say why with --note)",
    ),
    "lifecycle.action.rectify": ("登记整改", "be rectified"),
    "lifecycle.action.recheck": ("复查", "be re-checked"),
    "lifecycle.wrong_status": (
        "记录 {id} 当前状态为「{status}」，不能{action}（需要「{wanted}」）",
        "finding {id} is '{status}' and cannot {action} (it must be '{wanted}')",
    ),
    "lifecycle.next.open": (
        "先登记整改：inspect rectify {id} --note …",
        "record the rectification first: inspect rectify {id} --note …",
    ),
    "lifecycle.next.rectified": (
        "等待复查：inspect recheck {id} --pass 或 --reject",
        "it awaits a re-check: inspect recheck {id} --pass or --reject",
    ),
    "lifecycle.next.closed": (
        "已销号的问题无需再处理；如需更正请用 inspect findings amend {id}",
        "a closed finding needs nothing more; to correct it use inspect findings amend {id}",
    ),
    "lifecycle.not_a_problem": (
        "记录 {id} 的结果是「{result}」，不是问题，不能{action}",
        "finding {id} is '{result}', not a problem, and cannot {action}",
    ),
    "lifecycle.not_a_problem_hint": (
        "只有不符合的问题需要整改和复查；如结果记错，用 inspect findings amend 更正",
        "only failures are rectified and re-checked; if the result is wrong, use inspect findings amend",
    ),
    "lifecycle.voided": (
        "记录 {id} 已作废，不能再修改",
        "finding {id} is voided and cannot change",
    ),
    "lifecycle.voided_hint": (
        "作废的记录仍可用 inspect findings show 查看",
        "a voided finding can still be seen with inspect findings show",
    ),
    "lifecycle.reason_required": ("必须用 {option} 说明原因", "give the reason with {option}"),
    "lifecycle.note_required": ("必须用 --note 说明整改情况", "say what was done with --note"),
    "lifecycle.note_required_hint": (
        '例如 --note "已清理垃圾并加装垃圾桶"',
        'e.g. --note "rubbish removed, bins added"',
    ),
    "lifecycle.no_change": ("记录 {id} 没有任何变化", "nothing to change on finding {id}"),
    "lifecycle.no_change_hint": (
        "用 --note、--location、--count、--due 或 --result 给出新值",
        "give new values with --note, --location, --count, --due or --result",
    ),
    "lifecycle.rectified": (
        "已登记整改：{id}（整改单位：{by}），待复查",
        "rectification recorded: {id} (by {by}), awaiting re-check",
    ),
    "lifecycle.closed": ("复查通过，已销号：{id}", "re-check passed, closed: {id}"),
    "lifecycle.sent_back": ("复查未通过，已退回整改：{id}", "re-check failed, sent back: {id}"),
    # -- findings ------------------------------------------------------------------
    "findings.help": ("检查记录：列出、查看、更正、作废", "Findings: list, show, amend, void"),
    "findings.list_help": (
        "列出检查记录（可筛选）；表格、JSON（全部字段）或 CSV（UTF-8 带 BOM）。",
        "List findings, filtered; as a table, JSON (every field) or CSV (UTF-8 with BOM).",
    ),
    "findings.show_help": (
        "查看一条记录及其完整历史（含已作废）。",
        "Show a finding (voided too) and its full history.",
    ),
    "findings.amend_help": (
        "更正记录（说明、位置、例数、期限或结果）；必须说明原因，旧值保留在历史中。",
        "Correct a finding (note, location, count, due date or result); a reason is required and "
        "the old values stay in the history.",
    ),
    "findings.void_help": (
        "作废记录：不再计入列表和评分，但保留在历史中。",
        "Void a finding: it leaves lists and scores but stays in the history.",
    ),
    "findings.opt_round": ("只列出该轮次", "only this round"),
    "findings.opt_site": ("只列出该点位：编号或名称", "only this site: id or name"),
    "findings.opt_unit": ("只列出该责任单位的点位", "only sites of this responsible unit"),
    "findings.opt_street": ("只列出该街道的点位", "only sites in this street (sub-district)"),
    "findings.opt_item": ("只列出该测评内容", "only this item"),
    "findings.opt_status": (
        "只列出该状态：open 待整改、rectified 已整改待复查、closed 已销号",
        "only this status: open, rectified, closed",
    ),
    "findings.opt_result": ("只列出该结果：pass、fail、na", "only this result: pass, fail, na"),
    "findings.opt_overdue": ("只列出逾期未销号的问题", "only overdue, unclosed problems"),
    "findings.opt_as_of": (
        "计算逾期的日期 YYYY-MM-DD（默认今天）",
        "date overdue is computed at, YYYY-MM-DD (default: today)",
    ),
    "findings.opt_voided": ("也列出已作废的记录", "include voided findings"),
    "findings.opt_format": ("输出格式：table、json 或 csv", "output format: table, json or csv"),
    "findings.opt_reason": ("更正原因（必填）", "why (required)"),
    "findings.opt_void_reason": ("作废原因（必填）", "why (required)"),
    "findings.opt_amend_note": (
        "新的说明（空字符串表示清除）",
        "new note (an empty string clears it)",
    ),
    "findings.opt_amend_location": (
        "新的位置（空字符串表示清除）",
        "new location (an empty string clears it)",
    ),
    "findings.opt_amend_count": ("新的例数", "new number of occurrences"),
    "findings.opt_amend_due": ("新的整改期限 YYYY-MM-DD", "new due date YYYY-MM-DD"),
    "findings.opt_amend_result": ("新的结果：pass、fail 或 na", "new result: pass, fail or na"),
    "findings.bad_status": (
        "状态 '{value}' 无效；可选：{statuses}",
        "status '{value}' is invalid; choose one of: {statuses}",
    ),
    "findings.bad_status_hint": (
        "open 待整改、rectified 已整改待复查、closed 已销号",
        "open, rectified (awaiting re-check), closed",
    ),
    "findings.unknown_value": (
        "没有点位的 {option} 是 '{value}'{suggest}",
        "no site has {option} '{value}'{suggest}",
    ),
    "findings.unknown_value_hint": (
        "用 inspect sites list 查看责任单位和街道",
        "see units and streets with inspect sites list",
    ),
    "findings.none": ("没有符合条件的记录", "no findings match"),
    "findings.count": ("共 {count} 条记录", "{count} finding(s)"),
    "findings.history": ("历史", "History"),
    "findings.amended": ("已更正：{id}", "amended: {id}"),
    "findings.voided": ("已作废：{id}", "voided: {id}"),
    "findings.col.number": ("问题编号", "number"),
    "findings.col.id": ("记录标识", "id"),
    "findings.col.days_late": ("逾期天数", "days late"),
    "findings.col.round_name": ("轮次", "round"),
    "findings.col.site": ("点位", "site"),
    "findings.col.site_id": ("点位编号", "site id"),
    "findings.col.site_name": ("点位名称", "site name"),
    "findings.col.street": ("街道", "street"),
    "findings.col.responsible_unit": ("责任单位", "responsible unit"),
    "findings.col.item_id": ("测评内容", "item"),
    "findings.col.requirement": ("测评要求", "requirement"),
    "findings.col.result": ("结果", "result"),
    "findings.col.occurrences": ("例数", "occurrences"),
    "findings.col.note": ("说明", "note"),
    "findings.col.location": ("位置", "location"),
    "findings.col.inspector": ("检查人员", "inspector"),
    "findings.col.found_at": ("发现时间", "found at"),
    "findings.col.due_date": ("整改期限", "due"),
    "findings.col.on_spot": ("立行立改", "fixed on the spot"),
    "findings.col.status": ("状态", "status"),
    "findings.col.overdue": ("逾期", "overdue"),
    "findings.col.voided": ("已作废", "voided"),
    "findings.col.rectification_note": ("整改说明", "rectification"),
    "findings.col.rectified_by": ("整改单位", "rectified by"),
    "findings.col.rectified_at": ("整改时间", "rectified at"),
    "findings.col.recheck_result": ("复查结果", "re-check"),
    "findings.col.recheck_note": ("复查意见", "re-check remarks"),
    "findings.col.closed_at": ("销号时间", "closed at"),
    "findings.col.photos": ("照片", "photos"),
    # == end of issue 3 block ==
    # == issue 9: dated steps, conflicts, pins ==
    "lifecycle.at_future": ("时间 {at} 晚于现在（{now}）", "{at} is later than now ({now})"),
    "lifecycle.at_future_hint": (
        "--at 是这一步实际发生的时间，不能在将来",
        "--at is when the step happened; it cannot be in the future",
    ),
    "lifecycle.at_before_found": (
        "时间 {at} 早于问题 {number} 的发现时间（{found}）",
        "{at} is before finding {number} was found ({found})",
    ),
    "lifecycle.at_before_previous": (
        "时间 {at} 早于问题 {number} 的上一步“{step}”（{previous}）",
        "{at} is before the previous step of finding {number}: {step} at {previous}",
    ),
    "lifecycle.at_order_hint": (
        "按实际发生的先后登记：--at 不得早于发现时间和上一步",
        "enter the steps in the order they happened: --at no earlier than the finding was "
        "found or its previous step",
    ),
    "lifecycle.opt_at": (
        '实际发生时间（默认现在），如 "2026-06-05 16:00"',
        'when it happened (default: now), e.g. "2026-06-05 16:00"',
    ),
    "record.opt_yes": (
        "发现时间不在轮次时间范围内时仍然记录（已核对无误）",
        "record even when the found time lies outside the round's dates (checked)",
    ),
    "record.opt_supersedes": (
        "取代本轮同一点位同一条目的记录（问题编号，可多次给出）：同时作废",
        "replace a finding (its number; repeatable) of the same item at the same site in this "
        "round: it is voided at the same time",
    ),
    "record.outside_window": (
        "发现时间 {at} 不在轮次“{round}”的时间范围内（{start} 至 {end}）",
        "found time {at} is outside round '{round}' ({start} to {end})",
    ),
    "record.outside_window_hint": (
        "确属该轮次请加 --yes 再记录；否则改正 --at 或 --round",
        "if it does belong to this round, record it again with --yes; otherwise correct --at "
        "or --round",
    ),
    "record.outside_window_ask": ("仍然记录到该轮次吗？", "Record it in this round anyway?"),
    "record.conflict_pass": (
        "{site} 的 {item} 在本轮已有记录（{results}），不能再记为符合",
        "{item} at {site} is already recorded in this round ({results}); it cannot also pass",
    ),
    "record.conflict_na": (
        "{site} 的 {item} 在本轮已有检查结果（{results}），不能再记为不适用",
        "{item} at {site} was already checked in this round ({results}); it cannot also be "
        "not applicable",
    ),
    "record.conflict_fail": (
        "{site} 的 {item} 在本轮已记为不适用（{results}），不能再记为不符合",
        "{item} at {site} is already not applicable in this round ({results}); it cannot also fail",
    ),
    "record.conflict_hint": (
        "如已有记录有误，加 {supersedes} 作废并记录这一条；如只需更正，用 inspect findings "
        "amend {number}",
        "if the earlier record is wrong, add {supersedes} to void it and record this one; to "
        "correct it instead, use inspect findings amend {number}",
    ),
    "finding.list_sep": ("、", ", "),
    "record.supersedes_other": (
        "--supersedes {number} 不是轮次“{round}”中 {site} 的 {item} 的记录",
        "--supersedes {number} is not a finding of {item} at {site} in round '{round}'",
    ),
    "record.supersedes_other_hint": (
        "可取代的记录用 inspect findings list --round … --site … --item … 查看",
        "list the findings that can be replaced with inspect findings list --round … --site "
        "… --item …",
    ),
    "record.superseded_reason": ("被 {number} 取代", "superseded by {number}"),
    "lifecycle.amend_conflict_hint": (
        "先更正或作废 {number}（inspect findings amend / void {number}），再改这一条",
        "correct or void {number} first (inspect findings amend / void {number}), then this one",
    ),
    "pin.part.standard": ("标准", "standard"),
    "pin.part.site_type": ("点位类型", "site type"),
    "pin.part.category": ("测评项目", "category"),
    "pin.part.item": ("条目", "item"),
    "pin.part.site": ("点位", "site"),
    "pin.how.added": ("（新增）", " (added)"),
    "pin.how.removed": ("（删除）", " (removed)"),
    "pin.fields": ("（{fields}）", " ({fields})"),
    "pin.field_sep": ("，", ", "),
    "pin.value": ("{field} {before}→{after}", "{field} {before}→{after}"),
    "pin.more": ("等另 {count} 处", "and {count} more"),
    "pin.list_sep": ("；", "; "),
    "pin.unpinned": (
        "轮次“{name}”没有固定评分依据（由旧版本开设），按当前文件评分；可用 inspect round "
        "repin 固定",
        "round '{name}' has no pinned content (opened by an older version) and is scored by "
        "the current files; pin it with inspect round repin",
    ),
    "pin.changed": (
        "轮次“{name}”按开设时固定的内容评分，此后文件有改动：{changes}。如要采用现行文件，用 "
        "inspect round repin",
        "round '{name}' is scored by the content pinned when it opened; the files changed "
        "since: {changes}. To adopt the current files, use inspect round repin",
    ),
    "pin.reason_required": (
        "重新固定评分依据需要 --reason 说明原因",
        "re-pinning needs --reason saying why",
    ),
    "pin.reason_hint": (
        '例如：--reason "按文明办通知更正 NM-01-02 分值"',
        'for example: --reason "NM-01-02 points corrected by the office\'s notice"',
    ),
    "pin.same": (
        "轮次“{name}”已按当前文件固定，无需重新固定",
        "round '{name}' is pinned to the current files already",
    ),
    "pin.same_hint": (
        "inspect round list 列出各轮次与文件的差异",
        "inspect round list shows how each round differs from the files",
    ),
    "round.repin_help": (
        "让轮次改按当前的标准和点位文件评分（记录原因，可追溯）",
        "score a round by the current standard and sites files from now on (with a reason, "
        "kept in its history)",
    ),
    "round.opt_reason": ("重新固定的原因", "why the round is re-pinned"),
    "round.repinned": (
        "轮次“{name}”已改按当前文件评分（改动：{changes}）",
        "round '{name}' is now scored by the current files (changes: {changes})",
    ),
    "round.repinned_first": (
        "轮次“{name}”已固定当前文件为评分依据",
        "round '{name}' is now pinned to the current files",
    ),
    "round.col.changes": ("文件改动", "file changes"),
    "round.col.conflicts": ("结果冲突", "conflicts"),
    "round.unpinned_cell": ("未固定", "not pinned"),
    "round.changes_cell": ("{count} 处", "{count}"),
    "round.conflicts_cell": ("{count} 项", "{count}"),
    "round.changes_note": (
        "轮次“{name}”开设后文件有改动（仍按开设时的内容评分）：{changes}",
        "round '{name}': the files changed since it was pinned (it is still scored by the "
        "pinned content): {changes}",
    ),
    "round.conflicts_note": (
        "轮次“{name}”有结果冲突的条目（不计分，待更正或作废其一）：{found}",
        "round '{name}' has items with conflicting results (not scored until one is "
        "corrected or voided): {found}",
    ),
    "round.conflict_cell": (
        "{site} {item}：{numbers}",
        "{site} {item}: {numbers}",
    ),
    "walk.ask_time": (
        "发现时间（回车 = 默认；如 2026-06-02 10:30）",
        "found at (Enter = default; e.g. 2026-06-02 10:30)",
    ),
    "walk.time_word": ("发现时间", "found time"),
    "walk.opt_ask_time": (
        "逐项询问发现时间（补录纸质记录时用）",
        "ask the found time of each answer (entering paper forms)",
    ),
    # == end of issue 9 block ==
}
