"""Messages of the command line: labels, headings, errors of the CLI layer.

``key: (Chinese, English)``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- labels shared by tables and reports ----------------------------------
    "label.site_type": ("点位类型", "site type"),
    "label.category": ("测评项目", "category"),
    "label.item": ("测评内容", "item"),
    "label.site": ("点位", "site"),
    "label.error": ("错误", "error"),
    "label.hint": ("提示", "hint"),
    # -- app and global options -------------------------------------------------
    "app.help": (
        "青羊区文明城市创建示范点位检查工具：测评标准与点位校验、检查记录、整改台账与验收报告。",
        "Civilized-city site inspection: validate standards and sites, record findings, "
        "produce rectification ledgers and acceptance reports.",
    ),
    "opt.lang": ("界面语言：zh（默认）或 en", "language of messages: zh (default) or en"),
    "opt.lang_bad": (
        "不支持的语言 {value}；请用 zh 或 en",
        "unsupported language {value}; use zh or en",
    ),
    "opt.workspace": (
        "工作区目录（默认从当前目录向上查找 inspect.toml）",
        "workspace folder (default: search upward from here for inspect.toml)",
    ),
    "opt.version": ("显示版本号", "show the version"),
    "opt.format": ("输出格式", "output format"),
    # -- validate --------------------------------------------------------------
    "validate.help": (
        "校验测评标准和点位 YAML 文件；退出码 0 通过，1 有问题，2 用法或读写错误。",
        "Validate standard and site YAML files; exit 0 valid, 1 problems, 2 usage or I/O error.",
    ),
    "validate.paths": (
        "要校验的文件或目录（默认：工作区的 standards/ 和 sites/）",
        "files or folders to validate (default: the workspace's standards/ and sites/)",
    ),
    "validate.format": (
        "text（默认）、json 或 github（GitHub Actions 注解）",
        "text (default), json, or github (GitHub Actions annotations)",
    ),
    "validate.strict": ("警告也视为失败", "fail on warnings too"),
}
