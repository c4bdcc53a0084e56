# `scorecard diff`：考核表改了什么（src/diff/structure.rs）和比较报告
#（src/diff/render.rs）。考核表原文照写，放在反引号里。

## 改动涉及什么
diff-none = （无）
diff-about-card = 考核表
diff-about-input = 输入 { $name }
diff-about-hook = 钩子 { $name }
diff-about-param = 参数 { $name }
diff-about-grade = 等级

## 改了哪一项
diff-what-label = 显示名称
diff-what-role = 岗位
diff-what-period = 考核周期
diff-what-total = 总分
diff-what-version = 版本
diff-what-effective = 生效日期
diff-what-type = 类型
diff-what-range = 取值范围
diff-what-default = 默认值
diff-what-optional = 可否空缺
diff-what-kinds = 函数类型
diff-what-script = 脚本
diff-what-value = 取值
diff-what-weight = 分值
diff-what-scaled = 是否折算
diff-what-points = 分值
diff-what-tiers-by = 分档依据
diff-what-rule = 评分规则
diff-what-formula = 公式
diff-what-cap = 上限

## 改动
diff-changed = { $what }由 { $old } 改为 { $new }
diff-removed = 已删除
diff-added = 新增：`{ $text }`
diff-added-input = 新增：{ $kind } `{ $text }`
diff-added-hook = 新增：{ $file } 中的 `{ $signature }`
diff-added-param = 新增：{ $value }
diff-script-changed = 脚本 { $file } 有改动
diff-section-added = 新增考核板块，分值 { $weight }
diff-section-removed = 考核板块已删除
diff-item-added = 新增考核项，属于{ $section }，{ $points } 分：`{ $text }`
diff-item-moved = 从考核板块 { $old } 移到 { $new }
diff-item-removed = 考核项已删除（原为 { $points } 分）
diff-full-points = 满分（没有评分规则）
diff-line-added = 新增 `{ $text }`
diff-line-removed = 删除 `{ $text }`
diff-line-changed = `{ $old }` 改为 `{ $new }`
diff-changed-to = 改为 `{ $text }`
diff-grade-moved = { $grade } 的条件由 { $old } 改为 { $new }
diff-tier-changed = 分档 { $tier } 由 `{ $old }` 改为 `{ $new }`
diff-tier-replaced = 分档 `{ $old }` 改为 `{ $new }`
diff-tier-removed = 删除分档 `{ $tier }`
diff-tier-added = 新增分档 `{ $tier }`
diff-card-new = 新增的考核表（{ $file }）
diff-card-gone = 考核表已删除（{ $file }）
diff-row-unreadable = 这一行无法读取（见整个文件的问题）

## 报告
diff-side-directory = { $file }（规则目录：每行按各自的考核表）
diff-old = 原规则：{ $side }
diff-new = 新规则：{ $side }
diff-heading-changes = 考核表改了什么
diff-heading-employees = 谁的分数变了、变了多少
diff-heading-not-compared = 未能比较
diff-heading-summary = 汇总
diff-md-title = 考核表变更：{ $old } → { $new }
diff-md-heading-changes = 考核表改了什么
diff-md-heading-summary = 汇总
diff-md-heading-employees = 谁的分数变了、变了多少
diff-md-heading-not-compared = 未能比较
diff-nothing-changed = 没有改动：两版考核表内容相同
diff-col-id = 员工编号
diff-col-name = 姓名
diff-col-card = 考核表
diff-col-old = 原分数
diff-col-new = 新分数
diff-col-change = 变化
diff-col-grade = 等级
diff-col-outputs = 变化的输出项
diff-col-items = 变化的考核项
diff-csv-old-total = 原总分
diff-csv-new-total = 新总分
diff-csv-change = 变化
diff-csv-old-grade = 原等级
diff-csv-new-grade = 新等级
diff-csv-output-old = { $name }（原）
diff-csv-output-new = { $name }（新）
diff-csv-items = 变化的考核项
diff-summary-compared = 共比较 { $compared } 人：{ $gain } 人分数上升，{ $lose } 人下降，{ $same } 人不变
diff-summary-no-grade-changes = 等级没有变化
diff-summary-grade-changes = { $count } 人等级变化（{ $moves }）
diff-summary-movers = 变化最大的：{ $movers }
diff-summary-pay = { $output }合计：{ $old } → { $new }（{ $change }）
diff-summary-not-compared = 有 { $count } 行（或问题）无法比较（见上文）
diff-unscored-both = 新旧考核表都
diff-unscored-old = 原考核表
diff-unscored-new = 新考核表
diff-unscored-line-id = 第 { $line } 行（{ $id }）
diff-unscored-line = 第 { $line } 行
diff-unscored-file = 整个文件
diff-unscored = { $at }：{ $card }无法计算：{ $reason }
diff-change-line = { $about }：{ $change }
diff-list-separator = ，
