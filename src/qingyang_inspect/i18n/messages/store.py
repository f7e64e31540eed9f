"""Messages of the store: opening, migrations, ids, reads as of a moment."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "finding.unknown": ("找不到编号为 {id} 的记录", "no finding with id {id}"),
    "finding.not_found_yet": (
        "问题 {number} 发现于 {found}，截至 {day} 尚未发现",
        "finding {number} was found on {found}: as of {day} it was not found yet",
    ),
    "finding.not_found_yet_hint": (
        "--as-of 给出 {found} 或之后的日期，或去掉 --as-of",
        "give --as-of {found} or later, or leave --as-of out",
    ),
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
    "merge.rows_refused": (
        "本库拒绝了数据包中的记录（{table}）：{reason}",
        "this store refused the bundle's {table} rows: {reason}",
    ),
    "merge.rows_refused_hint": (
        "未写入任何内容；请从原电脑重新导出后再合并",
        "nothing was written; export the bundle again on its laptop and merge that",
    ),
}
