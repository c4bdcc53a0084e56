# The results workbook (xlsx): sheet names, column headings, notes.
workbook-summary = 汇总
workbook-detail = 明细
workbook-detail-more = 明细 ({ $n })
workbook-notes = 说明
workbook-store-totals = 门店合计
workbook-id = 工号
workbook-name = 姓名
workbook-brand = 品牌
workbook-store = 门店
workbook-people = 人数
workbook-all-stores = 合计
workbook-card = 考核表
workbook-total = 总分
workbook-grade = 等级
workbook-rank = 排名
workbook-section = 分类
workbook-item = 项目
workbook-points = 满分
workbook-score = 得分
workbook-lost = 扣分
workbook-reason = 原因
workbook-bonus = 加分项
workbook-penalty = 扣分项
workbook-yes = 是
workbook-no = 否
# Excel's page footer: &P is the page, &N the number of pages.
workbook-page-footer = &C第 &P 页 / 共 &N 页
workbook-detail-split = 明细超过一张 Excel 工作表能容纳的行数(表头下 { $rows } 行),续在工作表 明细 (2) 至 明细 ({ $last })
# The detail sheet's first line: which rows it lists (an item left out scored full marks).
workbook-detail-heading = 本表只列出有扣分、加分项或扣分项生效、或有说明的行；未列出的考核项得满分，每个考核项的得分见 汇总 表。
# A text longer than an Excel cell holds, cut in the workbook.
workbook-text-cut = 有的文字超过 Excel 一个单元格能容纳的 { $most } 个字符，工作簿中在此处截断，以 … 结尾；CSV 和 JSON 报告里是完整的
