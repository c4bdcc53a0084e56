# 考核表的版本及其有效期（src/version/）。

version-not-a-period = `{ $text }` 不是有效的考核期
version-period-help = 月份写作 2026-03（或 2026年3月），季度写作 2026-Q1，半年写作 2026-H1，全年写作 2026，某一天写作 2026-03-31
version-other-card = `{ $file }` 是考核表 `{ $card }`，不是 `{ $first }` 的一个版本
version-other-card-help = 只能给出同一张考核表的各个版本：每个文件里的 `scorecard 名称` 要相同
version-no-effective = 这个版本没有写明有效期
version-no-effective-help = 一张考核表有多个版本时，每个版本都要声明 `effective 起..止`，例如 `effective 2026-01-01..2026-06-30`
version-overlap = 这个版本和 `{ $file }` 中的版本在 { $day } 同时有效
version-in-force = 有效期 { $dates }
version-overlap-help = 请让较早的版本在较晚版本开始的前一天结束
version-and = 和
version-period-split = 考核期 `{ $period }` 跨越了多个版本：{ $versions }
version-none-in-force = 没有一个版本在 `{ $period }` 整个考核期内有效（各版本：{ $versions }）
version-no-period-column = 给出了考核表的 { $count } 个版本，但数据中没有考核期列，无法选择版本
version-period-column-help = 请添加表头为「期间」（或 period）的列，填写每一行的月份，例如 2026-03
version-dates-not-checked = 考核表的有效期是 { $dates }，但数据中没有考核期列，所以没有核对各行是否在有效期内
version-period-blank = 没有填写考核期
