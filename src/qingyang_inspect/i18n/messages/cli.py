"""Messages of the command line: labels, headings, errors of the CLI layer.

``key: (Chinese, English)``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- labels shared by tables and reports ----------------------------------
    "label.site_type": ("点位类型", "site type"),
    "label.category": ("测评项目", "category"),
    "label.item": ("测评内容", "item"),
    "label.site": ("点位", "site"),
    "label.error": ("错误", "Error"),
    "label.hint": ("提示", "Hint"),
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
    # -- schema ----------------------------------------------------------------
    "schema.help": (
        "写出标准文件和点位文件的 JSON Schema（供编辑器补全与校验）。",
        "Write the JSON Schemas of the standard and site files (for editors).",
    ),
    "schema.output": ("输出目录", "output folder"),
    "schema.write_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    # -- labels for codes (labels.py) -------------------------------------------
    "method.observe": ("看现场", "observe"),
    "method.documents": ("查资料", "documents"),
    "method.interview": ("访谈", "interview"),
    "method.simulate": ("模拟验证", "simulate"),
    "level.city": ("市级", "city"),
    "level.district": ("区级", "district"),
    "level.other": ("其他", "other"),
    "scoring.pass_fail": ("符合得满分，不符合不得分", "full points on pass, none on fail"),
    "scoring.deduction": (
        "扣分制：每例扣 {per} 分，扣完为止",
        "deduction: {per} per occurrence, floored at 0",
    ),
    "scoring.graded": (
        "分级制（0/1/2/3+ 例）：系数 {coefficients}",
        "graded (0/1/2/3+ occurrences): coefficients {coefficients}",
    ),
    "label.yes": ("是", "yes"),
    "label.no": ("否", "no"),
    # -- browse: standards and sites -------------------------------------------
    "standards.help": (
        "浏览测评标准：类别、测评内容、分值与计分方式。",
        "Browse the standard: categories, items, points and scoring.",
    ),
    "standards.list.help": (
        "列出测评内容（可按点位类型、类别筛选）。",
        "List the items (filter by site type or category).",
    ),
    "standards.show.help": (
        "显示标准概况，或指定编号时显示一项测评内容的全部信息。",
        "Show the standard's header, or everything about one item when an id is given.",
    ),
    "sites.help": ("浏览示范点位。", "Browse the demonstration sites."),
    "sites.list.help": (
        "列出点位（可按点位类型、级别、街道筛选）。",
        "List the sites (filter by site type, level or street).",
    ),
    "sites.show.help": (
        "显示一个点位的全部信息及其适用的测评内容。",
        "Show everything about one site and the items that apply to it.",
    ),
    "opt.site_type": ("按点位类型筛选（编号）", "filter by site type (id)"),
    "opt.category": ("按类别（测评项目）筛选（编号）", "filter by category (id)"),
    "opt.level": (
        "按级别筛选：city / district / other",
        "filter by level: city / district / other",
    ),
    "opt.street": ("按街道筛选", "filter by street"),
    "opt.site_name": (
        "按名称筛选：名称的一部分或拼音首字母（如 fqnm）",
        "filter by name: part of it, or its pinyin initials (e.g. fqnm)",
    ),
    "arg.item": ("测评内容编号，如 NM-01-02", "item id, e.g. NM-01-02"),
    "arg.site": (
        "点位编号（如 QY-C-01），或名称中唯一的一部分",
        "site id (e.g. QY-C-01), or a unique part of its name",
    ),
    "col.id": ("编号", "ID"),
    "col.name": ("名称", "Name"),
    "col.category": ("类别", "Category"),
    "col.site_types": ("适用点位类型", "Site types"),
    "col.requirement": ("测评内容", "Requirement"),
    "col.method": ("测评方法", "Method"),
    "col.points": ("标准分", "Points"),
    "col.scoring": ("计分方式", "Scoring"),
    "col.veto": ("一票否决", "Veto"),
    "col.rect_days": ("整改时限(天)", "Rect. days"),
    "col.site_type": ("点位类型", "Site type"),
    "col.level": ("级别", "Level"),
    "col.street": ("街道", "Street"),
    "col.unit": ("责任单位", "Responsible unit"),
    "col.lead": ("牵头部门", "Lead department"),
    "col.items": ("测评内容数", "Items"),
    "col.weight": ("权重(%)", "Weight (%)"),
    "browse.items_title": ("测评内容（{count} 项）", "Items ({count})"),
    "browse.sites_title": ("示范点位（{count} 个）", "Sites ({count})"),
    "browse.none": ("没有符合条件的记录", "nothing matches"),
    "browse.field.title": ("标准名称", "Title"),
    "browse.field.version": ("版本", "Version"),
    "browse.field.effective": ("施行日期", "Effective date"),
    "browse.field.issuer": ("发布单位", "Issuer"),
    "browse.field.source": ("来源说明", "Source note"),
    "browse.field.verdicts": ("验收结论线", "Verdict cut-offs"),
    "browse.field.verdict_line": (
        "{level}：达标 ≥ {met}%，基本达标 ≥ {basically_met}%",
        "{level}: met ≥ {met}%, basically met ≥ {basically_met}%",
    ),
    "browse.field.default_level": ("默认", "default"),
    "browse.field.default_days": ("默认整改时限", "Default rectification days"),
    "browse.field.address": ("地址", "Address"),
    "browse.field.coordinates": ("坐标", "Coordinates"),
    "browse.field.cooperating": ("配合部门", "Cooperating departments"),
    "browse.field.contact": ("联系人", "Contact"),
    "browse.field.tags": ("标签", "Tags"),
    "browse.field.planned": ("计划验收日期", "Planned acceptance"),
    "browse.field.requirement_en": ("英文释义", "English gloss"),
    "browse.field.counting_rule": ("计数规则", "Counting rule"),
    "browse.field.notes": ("备注", "Notes"),
    "browse.field.source_item": ("出处", "Source"),
    "browse.site_types_title": ("点位类型", "Site types"),
    "browse.categories_title": ("测评项目（类别）", "Categories"),
    "browse.unknown_site_type": ("未定义的点位类型 '{id}'", "unknown site type '{id}'"),
    "browse.unknown_category": ("未定义的类别 '{id}'", "unknown category '{id}'"),
    "browse.unknown_filter_hint": (
        "用 `inspect standards show` 查看全部点位类型和类别编号",
        "see all site type and category ids with `inspect standards show`",
    ),
}
