# Periods: months, quarters, roll-ups (src/period/).

period-month = month
period-quarter = quarter
period-half-year = half-year
period-year = year
period-not-a-month = `{ $text }` is not a month
period-card-no-rollup = card `{ $card }` does not roll up months; a card that does declares `period quarterly` (or half-yearly, yearly), `partial …` and how its inputs add up
period-row-not-month = { $period } is not a month; rolling up reads monthly rows
period-row-no-month = the row has no month
period-no-month-column = the data has no month column; add one headed 月份 (or month) with months such as 2026-10
period-ratio-recomputed = the monthly values of `{ $input }` are not used: it is recomputed from its summed parts
period-card-does-not-roll-up = the card does not roll up
period-ratio-zero = `{ $input }` is `{ $numerator }` / `{ $denominator }`, but `{ $denominator }` adds up to 0 over the months
period-rolled-out-of-range = `{ $input }` rolls up to { $value }, outside its range { $low } to { $high }
period-month-at-line = { $period } (line { $line })
period-rolled-from = rolled up from { $count } of { $of } months: { $months }
period-prorated = `{ $rule }`: sums are scaled by { $of }/{ $count }
