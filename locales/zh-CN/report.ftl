## 报表里给人看的标题：表格与 Markdown 汇总表、CSV 表头、Markdown 报告的小节。

col-id = 工号
col-name = 姓名
col-brand = 品牌
col-store = 门店
col-region = 区域
col-period = 期间
col-total = 总分
col-grade = 等级
col-people = 人数
# 金额列：名称加单位。
col-money = { $name }（元）
row-all = 合计
store-totals = { $name } 各门店合计
md-points-lost = 扣分明细
md-none = 无
md-lost = { $item }（{ $section }）：{ $score } / { $points }

## CSV 表头（中文，HR 在 Excel 里打开即可读；--lang en 给英文）。
csv-id = 工号
csv-name = 姓名
csv-brand = 品牌
csv-store = 门店
csv-region = 区域
csv-period = 期间
csv-sections-total = 板块合计
csv-total = 总分
csv-grade = 等级
csv-rank-size = { $rank }人数
csv-card = 考核表
csv-card-version = 考核表版本
csv-card-hash = 考核表指纹

## 考核表未写金额取整规则时报表附带的说明。
note-money-rounded = 金额按精确值计算，报告时四舍五入到分（0.01 元）；{ $cards } 未写明金额取整规则（`round money to 0.01 at each step` 或 `… at the end`）

## 报告末尾的说明（report/mod.rs）
report-notes-heading-text = 说明：
report-notes-heading = 说明
# 一张考核表的结果表上方的标题行末尾（groups.rs）
report-card-rows = { $rows } 人
