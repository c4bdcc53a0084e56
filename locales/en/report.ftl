## Report headings people read: the summary grid of the table and Markdown
## formats, the CSV header, the Markdown report's sections.

col-id = id
col-name = name
col-brand = brand
col-store = store
col-region = region
col-period = period
col-total = total
col-grade = grade
col-people = people
# An amount's column: its name and the unit.
col-money = { $name } (yuan)
row-all = all
store-totals = { $name } by store
md-points-lost = Points lost
md-none = none
md-lost = { $item } ({ $section }): { $score } of { $points }

## CSV column headers (English: the stable names scripts rely on).
csv-id = id
csv-name = name
csv-brand = brand
csv-store = store
csv-region = region
csv-period = period
csv-sections-total = sections_total
csv-total = total
csv-grade = grade
csv-rank-size = { $rank }.size
csv-card = card
csv-card-version = card_version
csv-card-hash = card_hash

## The note a report carries when a card does not say how it rounds money.
note-money-rounded = amounts are worked out exactly and reported rounded to the fen (0.01 yuan, halves away from zero); { $cards } { $count ->
    [one] does
   *[other] do
} not say how to round money (`round money to 0.01 at each step` or `… at the end`)

## 报告末尾的说明（report/mod.rs）
report-notes-heading-text = notes:
report-notes-heading = Notes
# 一张考核表的结果表上方的标题行末尾（groups.rs）
report-card-rows = { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
