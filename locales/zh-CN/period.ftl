# 考核期：月、季度、汇总（src/period/）。

period-month = 月
period-quarter = 季度
period-half-year = 半年
period-year = 年
period-not-a-month = `{ $text }` 不是有效的月份
period-card-no-rollup = 考核表 `{ $card }` 不按月汇总；需要汇总的考核表要声明 `period quarterly`（或 half-yearly、yearly）、`partial …` 以及各输入的汇总方式
period-row-not-month = { $period } 不是月份；汇总时读取的是按月的数据行
period-row-no-month = 这一行没有填写月份
period-no-month-column = 数据中没有月份列；请添加表头为「月份」（或 month）的列，填写 2026-10 这样的月份
period-ratio-recomputed = 没有使用 `{ $input }` 各月的值：它由各月相加后的分子、分母重新计算
period-card-does-not-roll-up = 考核表不按月汇总
period-ratio-zero = `{ $input }` 等于 `{ $numerator }` / `{ $denominator }`，但 `{ $denominator }` 各月合计为 0
period-rolled-out-of-range = `{ $input }` 汇总后为 { $value }，超出了它的范围 { $low } 至 { $high }
period-month-at-line = { $period }（第{ $line }行）
period-rolled-from = 由 { $of } 个月中的 { $count } 个月汇总：{ $months }
period-prorated = `{ $rule }`：合计值按 { $of }/{ $count } 折算
