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
}
