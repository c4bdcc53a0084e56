## 考核表的金额取整规则（`round money to …`）与报表首列的主要输出（`main …`）。

round-step = 金额只能取整到 0.01、0.1 或 1 元，不能是 { $step }
round-step-label = 不是可用的取整单位
round-step-help = 写 `round money to 0.01 at each step`（每个金额算出即四舍五入到分）或 `round money to 0.01 at the end`（只在报告时四舍五入）
main-not-output = `main` 指定的 `{ $name }` 不是本考核表的输出
main-not-output-label = 不是输出
main-not-output-help = 请写本表的一个输出，例如报表应首先列出的实发工资
