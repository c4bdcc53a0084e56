# Periods: months, quarters, roll-ups (src/period/).

period-month = month
period-quarter = quarter
period-half-year = half-year
period-year = year
