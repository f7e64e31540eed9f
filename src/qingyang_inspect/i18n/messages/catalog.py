"""Messages of the catalog area (reading and checking standards and sites).

``key: (Chinese, English)``. Keys starting with ``schema.`` are named after
pydantic's error types, so a schema error is rendered from its type and context.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading files ---------------------------------------------------------
    "yaml.too_large": (
        "文件过大（{size_mb} MB，上限 {limit_mb} MB），拒绝读取；请拆分为多个文件",
        "file too large ({size_mb} MB, limit {limit_mb} MB); refusing to read it, split it up",
    ),
    "yaml.not_utf8": (
        "不是 UTF-8 编码（字节 {byte}）；请以 UTF-8 另存该文件",
        "not UTF-8 (byte {byte}); save the file as UTF-8",
    ),
    "yaml.syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "yaml.tab": (
        "YAML 不允许用制表符（Tab）缩进；请改用空格",
        "YAML does not allow tab characters for indentation; use spaces",
    ),
    "yaml.empty": (
        "文件为空；应为包含 standard/site_types/categories/items 或 sites 的映射",
        "empty file; expected a mapping with standard/site_types/categories/items or sites",
    ),
    "yaml.too_deep": ("嵌套层级过深", "nesting too deep"),
    "yaml.too_many_nodes": (
        "数据量超过 {limit} 个值（可能是别名炸弹），拒绝展开",
        "more than {limit} values (an alias bomb?); refusing to expand",
    ),
    "yaml.complex_key": ("键必须是简单的字符串", "keys must be plain scalars"),
    "yaml.duplicate_key": (
        "重复的键 '{key}'（首次出现在第 {first_line} 行）；请删除或合并其中一个",
        "duplicate key '{key}' (first at line {first_line}); remove or merge one of them",
    ),
    "yaml.bad_merge": ("合并键 << 的值必须是映射", "the value of a << merge key must be a mapping"),
    "yaml.unsafe_tag": (
        "不允许的 YAML 标签 {tag}；只接受普通的映射、列表、字符串、数字、布尔值和日期",
        "tag {tag} is not allowed; only plain mappings, lists, strings, numbers, "
        "booleans and dates are accepted",
    ),
    "file.unknown_kind": (
        "无法识别的文件：顶层应有 sites（点位文件）或 standard/site_types/categories/items"
        "（标准文件），实际为 {keys}",
        "unrecognised file: expected top-level sites (a sites file) or "
        "standard/site_types/categories/items (a standard file), found {keys}",
    ),
    "file.mixed_kind": (
        "同一文件不能既含 sites 又含标准内容；请把点位放到 sites/ 下的单独文件",
        "a file cannot hold both sites and standard content; move the sites to their own file",
    ),
    "path.missing": ("路径不存在：{path}", "path does not exist: {path}"),
    "path.missing_hint": (
        "请检查拼写，或在工作区根目录下运行",
        "check the spelling, or run from the workspace root",
    ),
    "path.no_yaml": (
        "{path} 中没有 YAML 文件（*.yaml、*.yml）",
        "no YAML files (*.yaml, *.yml) in {path}",
    ),
    "path.unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    # -- schema errors, by pydantic error type --------------------------------
    "schema.missing": ("缺少必填字段", "required field is missing"),
    "schema.extra_forbidden": (
        "未知字段（拼写错误？）；允许的字段见 schema/ 下的 JSON Schema",
        "unknown field (a typo?); see the JSON Schemas in schema/ for the allowed fields",
    ),
    "schema.greater_than": ("必须大于 {gt}", "must be greater than {gt}"),
    "schema.greater_than_equal": ("必须大于或等于 {ge}", "must be greater than or equal to {ge}"),
    "schema.less_than": ("必须小于 {lt}", "must be less than {lt}"),
    "schema.less_than_equal": ("必须小于或等于 {le}", "must be less than or equal to {le}"),
    "schema.string_too_short": ("不能为空", "must not be empty"),
    "schema.string_too_long": (
        "过长（最多 {max_length} 个字符）",
        "too long (at most {max_length} characters)",
    ),
    "schema.string_pattern_mismatch": (
        "格式不正确（应匹配 {pattern}）",
        "wrong format (must match {pattern})",
    ),
    "schema.string_type": ("应为文本", "must be text"),
    "schema.int_type": ("应为整数", "must be a whole number"),
    "schema.int_parsing": ("应为整数", "must be a whole number"),
    "schema.int_from_float": ("应为整数，不能有小数", "must be a whole number, not a fraction"),
    "schema.float_type": ("应为数字", "must be a number"),
    "schema.float_parsing": ("应为数字", "must be a number"),
    "schema.finite_number": ("应为有限的数字", "must be a finite number"),
    "schema.bool_type": ("应为 true 或 false", "must be true or false"),
    "schema.bool_parsing": ("应为 true 或 false", "must be true or false"),
    "schema.date_type": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "schema.date_parsing": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "schema.date_from_datetime_parsing": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "schema.date_from_datetime_inexact": (
        "应为日期，不带时间",
        "must be a date without a time of day",
    ),
    "schema.literal_error": ("应为以下之一：{expected}", "must be one of {expected}"),
    "schema.union_tag_invalid": (
        "{discriminator} 的值 '{tag}' 无效，应为以下之一：{expected_tags}",
        "{discriminator} '{tag}' is not valid; use one of {expected_tags}",
    ),
    "schema.union_tag_not_found": (
        "缺少 {discriminator}，无法判断计分方式",
        "{discriminator} is missing, so the scoring mode is unknown",
    ),
    "schema.too_short": ("至少需要 {min_length} 项", "needs at least {min_length} entries"),
    "schema.too_long": ("最多 {max_length} 项", "at most {max_length} entries"),
    "schema.list_type": ("应为列表", "must be a list"),
    "schema.tuple_type": ("应为列表", "must be a list"),
    "schema.dict_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.model_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.model_attributes_type": ("应为映射（键: 值）", "must be a mapping (key: value)"),
    "schema.other": ("{msg}", "{msg}"),
    # -- cross-file checks -----------------------------------------------------
    "check.no_standard": (
        "没有 standard 头信息；请在一个标准文件中写明 standard: id/title/version/…",
        "no standard header; add standard: id/title/version/… to one standard file",
    ),
    "check.many_standards": (
        "standard 头信息重复（已在 {other} 定义）；每个工作区只能有一个",
        "a second standard header (already defined in {other}); a workspace has exactly one",
    ),
    "check.duplicate_id": (
        "{what} 编号 '{id}' 重复（已在 {other} 定义）",
        "duplicate {what} id '{id}' (already defined at {other})",
    ),
    "check.unknown_site_type": (
        "未定义的点位类型 '{id}'{suggest}",
        "unknown site type '{id}'{suggest}",
    ),
    "check.unknown_category": (
        "未定义的测评项目（类别）'{id}'{suggest}",
        "unknown category '{id}'{suggest}",
    ),
    "check.suggest": ("；是否是 '{candidate}'？", "; did you mean '{candidate}'?"),
    "check.type_without_items": (
        "点位类型 '{id}' 有 {sites} 个点位，但没有任何适用的测评内容",
        "site type '{id}' has {sites} sites but no items apply to it",
    ),
    "check.type_without_sites": (
        "点位类型 '{id}' 没有任何点位",
        "site type '{id}' has no sites",
    ),
    "check.graded_range": (
        "系数 {value} 超出 0 到 1 的范围",
        "coefficient {value} is outside 0 to 1",
    ),
    "check.graded_increasing": (
        "系数不能随例数增加而增大（{prev} 之后是 {value}）",
        "coefficients must not increase with occurrences ({prev} followed by {value})",
    ),
    "check.deduction_exceeds": (
        "每例扣分 {per} 大于标准分 {points}，一例即扣完；请确认",
        "deduction per occurrence {per} exceeds the item's {points} points; check it",
    ),
    "check.thresholds_order": (
        "达标线 {met} 必须高于基本达标线 {basically_met}",
        "the met cut-off {met} must be above the basically-met cut-off {basically_met}",
    ),
    "check.weights_sum": (
        "类别权重合计为 {total}，应为 100",
        "category weights add up to {total}, not 100",
    ),
    "check.weight_unused": (
        "类别 '{id}' 有权重，但该点位类型没有此类别的测评内容",
        "category '{id}' has a weight but no item of this site type is in it",
    ),
    "check.weight_missing": (
        "该点位类型的测评内容属于类别 '{id}'，但没有为其设置权重",
        "items of this site type are in category '{id}', which has no weight",
    ),
    "check.site_type_unused_category": (
        "类别 '{id}' 没有任何测评内容",
        "category '{id}' has no items",
    ),
    # -- validate summary ------------------------------------------------------
    "validate.ok": (
        "校验通过：{files} 个文件，{items} 项测评内容，{sites} 个点位",
        "valid: {files} files, {items} items, {sites} sites",
    ),
    "validate.summary": (
        "{errors} 个错误，{warnings} 个警告（共 {files} 个文件）",
        "{errors} errors, {warnings} warnings in {files} files",
    ),
    "validate.warning_tag": ("警告", "warning"),
    # -- the catalog as commands use it ----------------------------------------
    "catalog.invalid": (
        "标准或点位文件有 {errors} 个错误，第一个是 {first}",
        "the standard or site files have {errors} errors, the first is {first}",
    ),
    "catalog.invalid_hint": (
        "运行 `inspect validate` 查看全部错误并修正",
        "run `inspect validate` to see them all, then fix them",
    ),
    "catalog.unknown_site": ("未知点位 '{id}'{suggest}", "unknown site '{id}'{suggest}"),
    "catalog.unknown_item": ("未知测评内容 '{id}'{suggest}", "unknown item '{id}'{suggest}"),
    "catalog.unknown_hint_sites": (
        "用 `inspect sites list` 查看全部点位编号",
        "list the site ids with `inspect sites list`",
    ),
    "catalog.unknown_hint_items": (
        "用 `inspect standards show` 查看全部测评内容编号",
        "list the item ids with `inspect standards show`",
    ),
}
