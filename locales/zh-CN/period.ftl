# 考核期：月、季度、汇总（src/period/）。

period-month = 月
period-quarter = 季度
period-half-year = 半年
period-year = 年
