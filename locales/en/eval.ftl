# A row that could not be scored, and why (src/eval/).

eval-blank-optional = this formula reads an optional input that was left blank
eval-clamp-bounds = `clamp` got a low bound above its high bound
eval-days-in-period = `days_in_period()` is known only when a row is read
eval-ranks-together = ranks are known only when all rows are scored together (`evaluate_all`)
eval-expected-number = expected a number here
eval-expected-bool = expected yes or no here
eval-division-by-zero = division by zero
eval-too-large = a number grew too large to compute exactly
eval-days-late-too-many = too many days late to compute
eval-days-late-number = days late must be a number
eval-count-blank = this count was left blank
eval-count-too-large = the count is too large to compute
eval-deductions-too-large = deductions grew too large to compute
eval-sections-too-large = the sections grew too large to add up
eval-adjustments-too-large = bonuses and penalties grew too large to compute
eval-items-too-large = the items grew too large to add up
eval-amounts-too-large = the amounts grew too large to compute
eval-no-rating = no rater rated this item ({ $raters } left blank)
eval-weights-zero = the raters' weights add up to 0
eval-no-tier = no tier row applies
eval-what-rank = rank
eval-what-limit = grade limit
eval-region = region
eval-no-group = this { $what } compares rows within each { $group }, but the row has no { $group }
