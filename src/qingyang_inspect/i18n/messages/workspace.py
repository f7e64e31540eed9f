"""Messages about the workspace: inspect.toml, init, the tool's own errors."""

from __future__ import annotations

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
    "calendar.file_missing": (
        "inspect.toml 指定的节假日文件不存在：{file}",
        "the holiday file named in inspect.toml does not exist: {file}",
    ),
    "calendar.file_missing_hint": (
        "创建该文件，或从 inspect.toml 删除 holidays 设置（默认读取工作区根目录的 holidays.yaml，没有也可以）",
        "create the file, or remove the holidays setting from inspect.toml (by default "
        "holidays.yaml at the workspace root is read when it exists)",
    ),
}
