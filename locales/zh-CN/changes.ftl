# 继承（extends）、覆盖（override）对考核表的修改，以及假设清单
# （src/resolve/apply.rs、provenance.rs、assumptions.rs）。

change-added = 新增
change-overridden = 已覆盖
change-rollup-dropped = 汇总规则已去掉（按月考核）
change-label = 名称
change-weight = 权重
change-points = 分值
change-rules = 规则
change-changed = 修改了{ $what }
change-and = { $init }和{ $last }
change-in = { $place }：{ $what }
change-sep = ；
assume-summary = 假设的（我们自定，需与管理层确认）{ $assumed }，引自制度原文的 { $quoted }，未标注的 { $unmarked }
assume-head = 假设「{ $text }」
assume-unmarked-head = 未标注（既没有 `quote` 也没有 `assume`）：
assume-numbers = { $count } 个数字
