"""Messages of findings bundles: export-findings and merge."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "export.opt_round": ("只导出该轮次", "only this round"),
    "export.opt_since": (
        "只导出该日（含）以来录入的检查记录和处理步骤，如 2026-06-10",
        "only findings and steps entered on or after this day, e.g. 2026-06-10",
    ),
    "export.opt_output": ("数据包文件名（.zip）", "the bundle's file name (.zip)"),
    "export.opt_force": ("覆盖已有的文件", "replace an existing file"),
    "export.done": (
        "已导出 {path}：轮次 {rounds} 个，检查记录 {findings} 条，处理步骤 {events} 条，照片 {photos} 张",
        "wrote {path}: {rounds} round(s), {findings} finding(s), {events} step(s), "
        "{photos} photo(s)",
    ),
    "merge.arg_files": (
        "数据包文件（inspect export-findings 导出的 .zip），可以多个",
        "bundle files (.zip written by inspect export-findings), one or more",
    ),
    "merge.col.table": ("内容", "What"),
    "merge.col.added": ("新增", "Added"),
    "merge.col.held": ("本库已有", "Already here"),
    "merge.table.rounds": ("轮次", "rounds"),
    "merge.table.round_closures": ("轮次结束", "round closings"),
    "merge.table.snapshots": ("标准内容", "pinned contents"),
    "merge.table.round_pins": ("轮次固定", "round pins"),
    "merge.table.findings": ("检查记录", "findings"),
    "merge.table.events": ("处理步骤", "steps"),
    "merge.table.photos": ("照片", "photos"),
    "merge.done": (
        "已合并 {bundles} 个数据包：新增检查记录 {findings} 条，处理步骤 {events} 条，照片 {photos} 张",
        "merged {bundles} bundle(s): {findings} finding(s), {events} step(s) and "
        "{photos} photo(s) added",
    ),
    "merge.nothing_new": (
        "没有新内容：数据包中的记录本库都已有，未做任何改动",
        "nothing new: this store holds every record of the bundle(s) already; nothing changed",
    ),
    "merge.col.problem": ("问题类别", "Problem"),
    "merge.col.numbers": ("问题编号", "Numbers"),
    "merge.col.detail": ("说明", "Detail"),
    "merge.problem.conflict": ("结论冲突", "results in conflict"),
    "merge.problem.out_of_step": ("步骤前后不符", "step out of step"),
    "merge.problem.held_back": ("暂未合并", "held back"),
    "merge.conflict_detail": (
        "{round}：点位 {site} 条目 {item} 的结论相互矛盾（{results}）",
        "{round}: site {site}, item {item} has contradicting results ({results})",
    ),
    "merge.out_of_step_detail": (
        "“{step}”（{actor}，{at}）应从“{expected}”开始，但此时为“{found}”",
        "'{step}' ({actor}, {at}) starts from '{expected}', but the finding was '{found}' by then",
    ),
    "merge.voided_state": ("已作废", "voided"),
    "merge.held_back_detail": (
        "本库和数据包都没有这条检查记录，其 {steps} 暂未合并",
        "neither this store nor the bundle(s) hold this finding: its {steps} wait",
    ),
    "merge.problems_title": ("需要人工处理", "To settle by hand"),
    "merge.conflict_hint": (
        "结论冲突：核实后用 inspect findings void 编号 --reason … 作废其中一条（或用 "
        "inspect record --supersedes 编号 重新记录）；在此之前 round list 和验收报告把该条目列为冲突",
        "results in conflict: check, then void one with inspect findings void NUMBER "
        "--reason … (or record again with inspect record --supersedes NUMBER); until then "
        "round list and the acceptance report show the item as in conflict",
    ),
    "merge.out_of_step_hint": (
        "步骤前后不符：两人同时处理了同一问题，当前状态按时间最后的步骤计；用 inspect findings "
        "show 编号 查看经过，必要时再复查（inspect recheck）",
        "steps out of step: two people acted on one finding at once; its status is that of "
        "the latest step; see inspect findings show NUMBER and re-check it if needed "
        "(inspect recheck)",
    ),
    "merge.held_back_hint": (
        "暂未合并：先合并含有这些检查记录的数据包（导出时不加 --since），再合并本数据包",
        "held back: first merge a bundle that holds these findings (exported without "
        "--since), then merge this one again",
    ),
    "merge.opened_twice": (
        "轮次“{name}”两处都开设过（类别、日期、标准和内容相同），视为同一轮次，保留本库的开设记录",
        "round '{name}' was opened in both stores (same kind, date, standard and content): "
        "merged as one round, keeping this store's opening",
    ),
    "merge.closed_twice": (
        "轮次“{name}”两处都已结束，保留本库的结束记录",
        "round '{name}' was closed in both stores: this store's closing is kept",
    ),
    "merge.bundles_disagree": (
        "{first} 和 {second} 中 {table} 的 {key} 内容不同",
        "{first} and {second} hold different {table} rows under {key}",
    ),
    "merge.bundles_disagree_hint": (
        "未写入任何内容；其中一个数据包被改动过，请从原电脑重新导出",
        "nothing was written; one of the bundles was changed: export it again on its laptop",
    ),
    "merge.round_differs": (
        "轮次“{name}”在两处是不同的轮次：本库为 {ours}，数据包为 {theirs}",
        "round '{name}' is a different round in the two stores: here {ours}, in the bundle "
        "{theirs}",
    ),
    "merge.round_differs_hint": (
        "未写入任何内容；轮次应只在一台电脑开设，把它的数据包合并到其他电脑后再记录",
        "nothing was written; open a round on one laptop only and merge its bundle into the "
        "others before recording",
    ),
    "merge.round_pinned_apart": (
        "轮次“{name}”在两处固定在不同的标准和点位内容上（本库 {ours}，数据包 {theirs}）",
        "round '{name}' is pinned to different standard and site content in the two stores "
        "(here {ours}, in the bundle {theirs})",
    ),
    "merge.round_pinned_apart_hint": (
        "未写入任何内容；在其中一处改用与另一处相同的标准和点位文件，运行 inspect round repin "
        "{name} --reason …，重新导出后再合并",
        "nothing was written; on one side, put the same standard and site files as the other "
        "side's, run inspect round repin {name} --reason …, export again and merge",
    ),
    "merge.round_missing": (
        "数据包缺少轮次“{name}”的记录",
        "the bundle lacks the round '{name}'",
    ),
    "merge.number_taken": (
        "问题编号 {number} 已被本库的另一条检查记录使用",
        "the finding number {number} belongs to another finding of this store",
    ),
    "merge.number_taken_hint": (
        "未写入任何内容；请在原电脑用 inspect record --supersedes {number} 重新记录该问题，再导出",
        "nothing was written; on the bundle's laptop, record the finding again with inspect "
        "record --supersedes {number}, then export again",
    ),
    "merge.photo_missing": (
        "数据包缺少照片 {relpath}，本库的证据目录中也没有",
        "the bundle lacks the photo {relpath}, and this store's evidence folder has none",
    ),
    "merge.photo_missing_hint": (
        "未写入任何内容；请从原电脑重新导出后再合并",
        "nothing was written; export the bundle again on its laptop and merge that",
    ),
    "bundle.cannot_read": (
        "无法读取数据包 {path}：{reason}",
        "cannot read the bundle {path}: {reason}",
    ),
    "bundle.cannot_read_hint": (
        "请检查文件名；数据包是 inspect export-findings 写出的 .zip 文件",
        "check the file name; a bundle is the .zip file inspect export-findings writes",
    ),
    "bundle.not_a_bundle": (
        "{path} 不是检查记录数据包：{reason}；未写入任何内容",
        "{path} is not a findings bundle: {reason}; nothing was written",
    ),
    "bundle.not_a_bundle_hint": (
        "只能合并 inspect export-findings 导出的 .zip 文件（清单表请用 inspect import）",
        "only .zip files written by inspect export-findings can be merged (checklist "
        "workbooks go through inspect import)",
    ),
    "bundle.damaged": (
        "数据包 {path} 已损坏：{reason}；未写入任何内容",
        "the bundle {path} is damaged: {reason}; nothing was written",
    ),
    "bundle.damaged_hint": (
        "请从原电脑重新导出（inspect export-findings）并完整拷贝后再合并",
        "export it again on its laptop (inspect export-findings), copy it whole, and merge that",
    ),
    "bundle.not_zip": ("不是 zip 文件", "not a zip file"),
    "bundle.truncated": (
        "文件不完整（拷贝或传输中断）",
        "the file is cut short (an interrupted copy)",
    ),
    "bundle.no_manifest": ("缺少清单 manifest.json", "it has no manifest.json"),
    "bundle.bad_manifest": (
        "manifest.json 不是本工具写出的清单",
        "its manifest.json is not one this tool writes",
    ),
    "bundle.bad_columns": (
        "{table} 的字段与本工具不同",
        "its {table} columns differ from this tool's",
    ),
    "bundle.bad_rows": ("{table} 的记录格式不对", "its {table} rows are malformed"),
    "bundle.member_missing": ("缺少文件 {member}", "the file {member} is missing"),
    "bundle.member_unlisted": (
        "有清单未列出的文件 {member}",
        "it holds {member}, which its manifest does not list",
    ),
    "bundle.member_damaged": (
        "{member} 无法读取（{reason}）",
        "{member} cannot be read ({reason})",
    ),
    "bundle.hash_mismatch": (
        "{member} 的 SHA-256 与清单不符",
        "the SHA-256 of {member} does not match its manifest",
    ),
    "bundle.size_mismatch": (
        "{member} 的大小与清单不符",
        "the size of {member} does not match its manifest",
    ),
    "bundle.member_too_large": (
        "{member} 过大（{size} 字节，上限 {limit} 字节）",
        "{member} is too large ({size} bytes, at most {limit})",
    ),
    "bundle.changed_since": (
        "{member} 在检查后被改动",
        "{member} changed after it was checked",
    ),
    "bundle.photo_name": (
        "照片 {member} 的 SHA-256 与其文件名不符",
        "the SHA-256 of the photo {member} does not match its name",
    ),
    "bundle.bad_member": ("文件名 {member} 不合规", "the file name {member} is not allowed"),
    "bundle.duplicate_rows": ("{table} 有重复的记录", "its {table} rows repeat a key"),
    "bundle.bad_id": (
        "{table} 中 {id} 的编号与内容不符",
        "in {table}, {id} is not the id of its content",
    ),
    "bundle.bad_photo_ref": (
        "照片路径 {relpath} 不合规",
        "the photo path {relpath} is not allowed",
    ),
    "bundle.too_new": (
        "数据包 {path} 由更新版本的工具（{tool}）导出：格式版本 {version}，本工具只能读到 {current}；"
        "未写入任何内容",
        "the bundle {path} was written by a newer version of the tool ({tool}): format "
        "{version}, this one reads up to {current}; nothing was written",
    ),
    "bundle.too_new_hint": (
        "请先升级本工具（pip install -U qingyang-inspect 或安装新的 wheel），再合并",
        "upgrade this tool first (pip install -U qingyang-inspect, or install the new wheel), "
        "then merge",
    ),
    "bundle.photo_not_in_store": (
        "证据照片 {path} 不在证据目录中，无法导出",
        "the evidence photo {path} is missing from the evidence folder: cannot export",
    ),
    "bundle.photo_changed_in_store": (
        "证据照片 {path} 的内容与记录的 SHA-256 不符（已损坏或被替换），无法导出",
        "the evidence photo {path} no longer matches its recorded SHA-256 (damaged or "
        "replaced): cannot export",
    ),
    "bundle.photo_not_in_store_hint": (
        "把原照片放回证据目录（文件名即其 SHA-256）后再导出",
        "put the original photo back into the evidence folder (its name is its SHA-256), "
        "then export",
    ),
}
