# The HTML report (src/report/html.rs, html_rows.rs): results HR prints and hands out.

## Title and notes
html-title = { $name }: results
# A card named "…考核表": the Chinese title drops 表; English keeps the name.
html-title-stem = { $name }: results
html-title-period = { $period } · { $title }
html-period-month = { $year }-{ $month }
html-period-quarter = { $year } Q{ $quarter }
html-period-half = { $year } H{ $half }
html-period-year = { $year }
html-meta-card = card { $file } · { $stamp } · { $people ->
    [one] 1 person
   *[other] { $people } people
} · out of { $total }
html-meta-pay = card { $file } · { $stamp } · { $people ->
    [one] 1 person
   *[other] { $people } people
}
html-meta-cards = { $about } · { $people ->
    [one] 1 person
   *[other] { $people } people
} · { $cards ->
    [one] 1 card
   *[other] { $cards } cards
}
html-card-meta = card { $file } · { $stamp } · out of { $total }
html-card-meta-pay = card { $file } · { $stamp }
html-notes = Notes
html-no-store = no store
html-all-stores = All
# The printed page's footer (a CSS content value: text in quotes)
html-page-number = "Page " counter(page) " of " counter(pages)

## Statistics and chart
html-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
html-average = average { $value }
html-highest = highest { $value }
html-lowest = lowest { $value }
html-chart-title = { $store }: distribution of totals
html-chart-caption = Distribution of totals (people)

## Table
html-col-rank = Rank
html-col-id = ID
html-col-name = Name
html-col-brand = Brand
html-col-total = Total
html-col-grade = Grade
html-col-money = { $name } (yuan)
html-store-total = Store total
html-yes = yes
html-no = no

## Points lost
html-lost-heading = Points lost
html-lost-item = { $item } ({ $section }): { $score } / { $points }
html-lost-block = { $block }: { $amount }
html-lost-name = { $name } ({ $id })
html-lost-who = { $who } — total { $total }

## Signatures
html-sign-appraiser = Appraiser:
html-sign-appraisee = Appraisee:
html-sign-date = Date:
