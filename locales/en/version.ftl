# Versions of a card and the periods they are in force (src/version/).

version-not-a-period = `{ $text }` is not a period
version-period-help = write a month as 2026-03 (or 2026年3月), a quarter as 2026-Q1, a half year as 2026-H1, a year as 2026, or a day as 2026-03-31
version-other-card = `{ $file }` is card `{ $card }`, not a version of `{ $first }`
version-other-card-help = give versions of one card only: the same `scorecard NAME` in each file
version-no-effective = this version does not say when it is in force
version-no-effective-help = with several versions of a card, each declares `effective FROM..UNTIL`, such as `effective 2026-01-01..2026-06-30`
version-overlap = this version and the one in `{ $file }` are both in force on { $day }
version-in-force = in force { $dates }
version-overlap-help = end the earlier version the day before the later one starts
version-and = {" "}and{" "}
version-period-split = the period `{ $period }` falls under more than one version: { $versions }
version-none-in-force = no version of the card is in force for the whole of `{ $period }` (the card: { $versions })
version-no-period-column = { $count } versions of the card were given, but the data has no period column to choose between them
version-period-column-help = add a column headed 期间 (or period) holding each row's month, such as 2026-03
version-dates-not-checked = the card is in force { $dates }, but the data has no period column, so no row was checked against those dates
version-period-blank = the period is blank
