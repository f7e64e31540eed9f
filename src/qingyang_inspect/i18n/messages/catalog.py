"""Messages about the standards and sites files: loading, schema, checks."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "yaml.too_large": (
        "文件过大（{size_mb} MB，上限 {limit_mb} MB），拒绝读取；请拆分为多个文件",
        "file too large ({size_mb} MB, limit {limit_mb} MB); refusing to read it, split it up",
    ),
    "yaml.not_utf8": (
        "不是 UTF-8 编码（字节 {byte}）；请以 UTF-8 另存该文件",
        "not UTF-8 (byte {byte}); save the file as UTF-8",
    ),
    "yaml.not_utf8_gbk": (
        "不是 UTF-8 编码（字节 {byte}），看起来是 GBK/GB18030；请在编辑器中以 UTF-8 编码另存该文件",
        "not UTF-8 (byte {byte}); it looks like GBK/GB18030: save the file as UTF-8 in your editor",
    ),
    "yaml.utf16": (
        "文件是 UTF-16 编码；请在编辑器中以 UTF-8 编码另存该文件",
        "the file is UTF-16; save it as UTF-8 in your editor",
    ),
    "yaml.control_char": (
        "含有不可见的控制字符 {code}（常随 Word 或网页复制而来）；请删除它",
        "invisible control character {code} (often pasted from Word or a web page); delete it",
    ),
    "yaml.control_escape": (
        "双引号文本中用转义写出了控制字符 {code}；名称和说明中不能含控制字符，请删除该转义",
        "a control character {code} is spelled out as an escape in double-quoted text; names and texts cannot hold control characters, delete the escape",
    ),
    "yaml.syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "yaml.tab": (
        "YAML 不允许用制表符（Tab）缩进；请改用空格",
        "YAML does not allow tab characters for indentation; use spaces",
    ),
    "yaml.many_documents": (
        "一个文件只能有一个 YAML 文档，这里的 --- 开始了第二个；请删除这一行，或把后面的内容移到另一个文件",
        "a file holds one YAML document and this --- starts a second one; "
        "delete the line or move what follows to another file",
    ),
    "yaml.undefined_alias": (
        "别名 *{name} 没有对应的锚点 &{name}；锚点必须写在使用它的地方之前",
        "alias *{name} has no anchor &{name}; define the anchor before its first use",
    ),
    "yaml.unclosed_quote": (
        "这里开始的引号没有闭合（直到第 {seen_line} 行仍未找到配对的引号）；请补上结尾的引号",
        "the quote opened here is never closed (still open at line {seen_line}); "
        "add the closing quote",
    ),
    "yaml.unclosed_bracket": (
        "这里开始的 {open} 没有正确结束（在第 {seen_line} 行发现）；请补上 {close}，并用逗号分隔各项",
        "the {open} opened here is not closed properly (noticed at line {seen_line}); "
        "add the {close} and separate entries with commas",
    ),
    "yaml.missing_colon": (
        "这一行缺少“: ”（在第 {seen_line} 行发现）；键后面要有冒号和空格，如 name: 值",
        "this line lacks ': ' (noticed at line {seen_line}); a key needs a colon and a space, "
        "as in name: value",
    ),
    "yaml.colon_in_value": (
        "此处不能出现“: ”；如果这一行是新的键，请检查它的缩进是否与同级的键对齐；如果值本身含有冒号，请给整个值加引号",
        "': ' is not allowed here; if this line starts a new key, check that it lines up "
        "with the keys at its level; if the value contains a colon, put it in quotes",
    ),
    "yaml.bad_indent": (
        "缩进不一致：这一行与同一层的其他行没有对齐；请用相同数量的空格缩进",
        "inconsistent indentation: this line does not line up with the others at its level; "
        "indent with the same number of spaces",
    ),
    "yaml.bad_start": (
        "值不能以 {char} 开头；请给整个值加引号",
        "a value cannot start with {char}; put the whole value in quotes",
    ),
    "yaml.bad_value": ("无法读取的值：{problem}", "unreadable value: {problem}"),
    "yaml.empty": (
        "文件为空；应为包含 standard/site_types/categories/items 或 sites 的映射",
        "empty file; expected a mapping with standard/site_types/categories/items or sites",
    ),
    "yaml.too_deep": (
        "嵌套层级过深（超过 {limit} 层）；标准和点位文件只需要几层",
        "nested more than {limit} levels deep; standard and site files need only a few",
    ),
    "yaml.too_many_nodes": (
        "这里的别名展开后超过 {limit} 个值（别名炸弹？），拒绝展开；请减少别名的嵌套引用",
        "the aliases here expand to more than {limit} values (an alias bomb?); refusing to "
        "expand them: nest fewer aliases",
    ),
    "yaml.recursive_alias": (
        "锚点通过别名引用了它自己（循环引用）；请改为写出具体内容",
        "this anchor refers to itself through an alias (a cycle); write the content out instead",
    ),
    "yaml.complex_key": (
        "键必须是简单的文本，不能是列表或映射",
        "keys must be plain text, not lists or mappings",
    ),
    "yaml.duplicate_key": (
        "重复的键 '{key}'（首次出现在第 {first_line} 行）；请删除或合并其中一个",
        "duplicate key '{key}' (first at line {first_line}); remove or merge one of them",
    ),
    "yaml.bad_merge": ("合并键 << 的值必须是映射", "the value of a << merge key must be a mapping"),
    "yaml.unsafe_tag": (
        "不允许的 YAML 标签 {tag}（出于安全考虑不会执行）；只接受普通的映射、列表、文本、数字、布尔值和日期，请删除该标签",
        "tag {tag} is not allowed (it is never executed, for safety); only plain mappings, "
        "lists, text, numbers, booleans and dates are accepted: remove the tag",
    ),
    "file.not_mapping": (
        "文件顶层应为映射（如 sites: 或 standard:、items:），实际是{found}",
        "the top level of the file must be a mapping (such as sites: or standard:, items:), "
        "found {found}",
    ),
    "file.unknown_kind": (
        "无法识别的文件：顶层应有 sites（点位文件）或 standard/site_types/categories/items"
        "（标准文件），实际为 {keys}{suggest}",
        "unrecognised file: expected top-level sites (a sites file) or "
        "standard/site_types/categories/items (a standard file), found {keys}{suggest}",
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
    "path.no_yaml_hint": (
        "标准和点位文件的扩展名须为 .yaml 或 .yml；请检查目录和文件名",
        "standard and site files must end in .yaml or .yml; check the folder and the file names",
    ),
    "schema.missing": (
        "缺少必填字段 {field}；请补上",
        "required field {field} is missing; add it",
    ),
    "schema.extra_forbidden": (
        "未知字段 '{field}'；此处允许的字段：{allowed}",
        "unknown field '{field}'; the fields allowed here are {allowed}",
    ),
    "schema.extra_forbidden_suggest": (
        "未知字段 '{field}'；是否是 '{candidate}'？",
        "unknown field '{field}'; did you mean '{candidate}'?",
    ),
    "schema.null": ("值为空；请填写内容", "the value is empty; fill it in"),
    "schema.string_unquoted": (
        '应为文本，但 YAML 把未加引号的 {input} 读成了{found}；请加引号写成 "{input}"',
        'must be text, but YAML reads the unquoted {input} as {found}; quote it: "{input}"',
    ),
    "schema.item_id_pattern": (
        "编号 '{input}' 格式不正确；应为大写字母开头、用 - 分段的编号，如 NM-01-02",
        "id '{input}' has the wrong format; use capital letters and digits in dash-separated "
        "parts, like NM-01-02",
    ),
    "schema.key_pattern": (
        "'{input}' 格式不正确；只能用英文字母、数字、_ 和 -，并以字母开头，如 market 或 QY-C-01",
        "'{input}' has the wrong format; use letters, digits, _ and -, starting with a letter, "
        "like market or QY-C-01",
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
    "schema.string_type": ("应为文本，实际是{found}", "must be text, found {found}"),
    "schema.int_type": ("应为整数，实际是{found}", "must be a whole number, found {found}"),
    "schema.int_parsing": (
        "应为整数，实际是 '{input}'",
        "must be a whole number, found '{input}'",
    ),
    "schema.int_from_float": (
        "应为整数，不能有小数（实际是 {input}）",
        "must be a whole number, not a fraction ({input})",
    ),
    "schema.float_type": ("应为数字，实际是{found}", "must be a number, found {found}"),
    "schema.float_parsing": ("应为数字，实际是 '{input}'", "must be a number, found '{input}'"),
    "schema.number_too_large": (
        "数字太大（{digits} 位），无法作为数值使用；请写一个实际的分值",
        "the number is too large ({digits} digits) to be used as a number; write a real value",
    ),
    "schema.finite_number": ("应为有限的数字", "must be a finite number"),
    "schema.bool_type": (
        "应为 true 或 false，实际是{found}",
        "must be true or false, found {found}",
    ),
    "schema.bool_parsing": (
        "应为 true 或 false，实际是 '{input}'",
        "must be true or false, found '{input}'",
    ),
    "schema.date_type": (
        "'{input}' 不是日期；请写成 YYYY-MM-DD，如 2026-08-01",
        "'{input}' is not a date; write it as YYYY-MM-DD, like 2026-08-01",
    ),
    "schema.date_parsing": (
        "'{input}' 不是有效日期；请写成 YYYY-MM-DD，如 2026-08-01，并确认该日期存在",
        "'{input}' is not a valid date; write it as YYYY-MM-DD, like 2026-08-01, "
        "and check the day exists",
    ),
    "schema.date_from_datetime_parsing": (
        "'{input}' 不是有效日期；请写成 YYYY-MM-DD，如 2026-08-01，并确认该日期存在",
        "'{input}' is not a valid date; write it as YYYY-MM-DD, like 2026-08-01, "
        "and check the day exists",
    ),
    "schema.date_from_datetime_inexact": (
        "应为日期，不带时间（实际是 {input}）；请写成 YYYY-MM-DD",
        "must be a date without a time of day ({input}); write it as YYYY-MM-DD",
    ),
    "schema.literal_error": (
        "'{input}' 无效；应为以下之一：{expected}",
        "'{input}' is not allowed; use one of {expected}",
    ),
    "schema.union_tag_invalid": (
        "'{tag}' 无效；{discriminator} 应为以下之一：{expected_tags}",
        "'{tag}' is not valid; {discriminator} must be one of {expected_tags}",
    ),
    "schema.union_tag_not_found": (
        "缺少 {discriminator}，无法判断计分方式；请写明 {discriminator}: pass_fail、deduction 或 graded",
        "{discriminator} is missing, so the scoring mode is unknown; "
        "add {discriminator}: pass_fail, deduction or graded",
    ),
    "schema.too_short": ("至少需要 {min_length} 项", "needs at least {min_length} entries"),
    "schema.too_long": ("最多 {max_length} 项", "at most {max_length} entries"),
    "schema.list_type": (
        "应为列表（如 [a, b]），实际是{found}",
        "must be a list (like [a, b]), found {found}",
    ),
    "schema.tuple_type": (
        "应为列表（如 [a, b]），实际是{found}",
        "must be a list (like [a, b]), found {found}",
    ),
    "schema.dict_type": (
        "应为映射（键: 值），实际是{found}",
        "must be a mapping (key: value), found {found}",
    ),
    "schema.model_type": (
        "应为映射（键: 值），实际是{found}",
        "must be a mapping (key: value), found {found}",
    ),
    "schema.model_attributes_type": (
        "应为映射（键: 值），实际是{found}",
        "must be a mapping (key: value), found {found}",
    ),
    "schema.other": ("{msg}", "{msg}"),
    "kind.mapping": ("映射（键: 值）", "a mapping (key: value)"),
    "kind.list": ("列表", "a list"),
    "kind.bool": ("布尔值（true/false）", "a boolean (true/false)"),
    "kind.number": ("数字", "a number"),
    "kind.date": ("日期", "a date"),
    "kind.null": ("空值", "an empty value"),
    "kind.text": ("文本", "text"),
    "check.no_standard": (
        "没有 standard 头信息；请在一个标准文件中写明 standard: id/title/version/…",
        "no standard header; add standard: id/title/version/… to one standard file",
    ),
    "check.many_standards": (
        "standard 头信息重复（已在 {other} 定义）；每个工作区只能有一个",
        "a second standard header (already defined in {other}); a workspace has exactly one",
    ),
    "check.duplicate_id": (
        "{what}编号 '{id}' 重复（已在 {other} 定义）；编号必须唯一，请改名或删除其中一个",
        "duplicate {what} id '{id}' (already defined at {other}); ids must be unique, "
        "rename or remove one",
    ),
    "check.unknown_site_type": (
        "未定义的点位类型 '{id}'{suggest}",
        "unknown site type '{id}'{suggest}",
    ),
    "check.unknown_category": (
        "未定义的测评项目（类别）'{id}'{suggest}",
        "unknown category '{id}'{suggest}",
    ),
    "check.define_in": (
        "；请先在 {section} 中定义它",
        "; define it under {section} first",
    ),
    "check.type_without_items": (
        "点位类型 '{id}' 有 {sites} 个点位，但没有任何适用的测评内容；"
        "请在测评内容的 site_types 中加入 '{id}'",
        "site type '{id}' has sites ({sites}) but no items apply to it; "
        "add '{id}' to the site_types of its items",
    ),
    "check.type_without_sites": (
        "点位类型 '{id}' 没有任何点位",
        "site type '{id}' has no sites",
    ),
    "check.graded_range": (
        "系数 {value} 超出 0 到 1 的范围；系数是得分比例，如 0.66 表示 66%",
        "coefficient {value} is outside 0 to 1; it is a share of the points, 0.66 meaning 66%",
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
        "用 `inspect sites list --name 名称的一部分` 查找点位编号",
        "find the site's id with `inspect sites list --name PART_OF_ITS_NAME`",
    ),
    "catalog.ambiguous_site": (
        "'{text}' 对应 {count} 个点位：{sites}",
        "'{text}' matches {count} sites: {sites}",
    ),
    "catalog.ambiguous_site_hint": (
        "请用点位编号，或写出更完整的名称",
        "give the site's id, or more of its name",
    ),
    "catalog.more_sites": ("另有 {count} 个", "{count} more"),
    "catalog.unknown_hint_items": (
        "用 `inspect standards show` 查看全部测评内容编号",
        "list the item ids with `inspect standards show`",
    ),
    "label.site_type": ("点位类型", "site type"),
    "label.category": ("测评项目", "category"),
    "label.item": ("测评内容", "item"),
    "label.site": ("点位", "site"),
    "browse.unknown_site_type": ("未定义的点位类型 '{id}'", "unknown site type '{id}'"),
    "browse.unknown_category": ("未定义的类别 '{id}'", "unknown category '{id}'"),
    "browse.unknown_filter_hint": (
        "用 `inspect standards show` 查看全部点位类型和类别编号",
        "see all site type and category ids with `inspect standards show`",
    ),
    "file.unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
}
