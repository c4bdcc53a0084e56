# HTML 报告（src/report/html.rs、html_rows.rs）：HR 打印、分发的考核结果。

## 标题与说明
html-title = { $name } 考核结果
# 考核表名称以“考核表”结尾时：市场部客服回访专员绩效考核表 → 市场部客服回访专员绩效考核结果
html-title-stem = { $stem }考核结果
html-title-period = { $period } { $title }
html-period-month = { $year }年{ $month }月
html-period-quarter = { $year }年第{ $quarter }季度
html-period-half = { $half ->
    [1] { $year }年上半年
   *[other] { $year }年下半年
}
html-period-year = { $year }年
html-meta-card = 考核表 { $file } · { $stamp } · { $people } 人 · 满分 { $total }
html-meta-pay = 考核表 { $file } · { $stamp } · { $people } 人
html-meta-cards = { $about } · { $people } 人 · { $cards } 张考核表
html-card-meta = 考核表 { $file } · { $stamp } · 满分 { $total }
html-card-meta-pay = 考核表 { $file } · { $stamp }
html-notes = 说明
html-no-store = 未填门店
html-all-stores = 全部
# 打印页脚（CSS 的 content 值，引号内是文字）
html-page-number = "第 " counter(page) " 页 / 共 " counter(pages) " 页"

## 统计与图表
html-people = { $count } 人
html-average = 平均 { $value }
html-highest = 最高 { $value }
html-lowest = 最低 { $value }
html-chart-title = { $store } 总分分布
html-chart-caption = 总分分布（人数）

## 表格
html-col-rank = 排名
html-col-id = 工号
html-col-name = 姓名
html-col-brand = 品牌
html-col-total = 总分
html-col-grade = 等级
html-col-money = { $name }（元）
html-store-total = 本店合计
html-yes = 是
html-no = 否

## 扣分明细
html-lost-heading = 扣分明细
html-lost-item = { $item }（{ $section }）：{ $score } / { $points }
html-lost-block = { $block }：{ $amount }
html-lost-name = { $name }（{ $id }）
html-lost-who = { $who } — 总分 { $total }

## 签字栏
html-sign-appraiser = 考核人：
html-sign-appraisee = 被考核人：
html-sign-date = 日期：
