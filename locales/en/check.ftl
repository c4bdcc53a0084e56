# Problems found while checking a card (src/check/).
# Card syntax (keywords, names, snippets) stays as written, in backticks.

## Kinds of names (symbols.rs)
symbol-input = an input
symbol-param = a parameter
symbol-item = an item
symbol-section = a section
symbol-adjustment = a bonus or penalty block
symbol-derived = a band or output
symbol-rater = a rater
symbol-rank = a rank

## Names (symbols.rs)
no-base = `override` and `remove` change a base card, but this card has none
no-base-label = nothing to change
no-base-help = name the base card after this card's name: `scorecard NAME extends "base.card" { "{" } … { "}" }`
name-is-total = `total` is the card's total score
name-is-total-label = choose another name
name-is-total-help = `total` always means the card's total after bonuses and penalties
duplicate-name = `{ $name }` is declared twice
duplicate-name-again = declared again here
duplicate-name-first = first declared here, as { $what }
duplicate-name-help = every input, item, section, parameter and output needs its own name

## Common labels
used-here = used here
declared-here = declared here
here = here

## Types (Type in src/value.rs)
type-number = a number
type-percent = a percentage
type-money = an amount of money
type-bool = yes/no
type-text = text

## Items (items.rs)
conflicting-rules = item `{ $item }` has two rules that set its score
conflicting-rules-second = second rule
conflicting-rules-first = first rule
conflicting-rules-help = an item has one scoring rule (a tier table, `full if`, `late`, `score` or `rated by`) plus any number of `minus … per …` lines
item-score-not-points = an item's score is a number of points, but this is { $ty }
late-needs-days = `late` needs an optional days input, but `{ $name }` is { $ty }
late-needs-days-required = `late` needs an optional days input, but `{ $name }` is { $ty } and required
late-needs-days-help = declare it as `input { $name } days "…" optional`: a blank cell means not reported
deduction-not-count = `{ $name }` is a { $kind } input, not a count
deduction-not-count-label = points per occurrence need a count
deduction-not-count-help = declare `{ $name }` as `count` (a whole number of times), or use a tier table for a rate
not-an-input = `{ $name }` is { $what }, not an input
not-an-input-label = an input is needed here
outside-item-points = { $value } is outside the item's 0 to { $points } points
outside-item-points-label = out of range
amount-has-sign = write the amount without a sign; `minus` and `plus` say which way it goes
amount-has-sign-label = negative
what-cap = a cap
tier-formula-not-points = a tier's formula gives points, but this is { $ty }

## Tier tables (tiers.rs)
tier-after-else = this row comes after `else` and can never apply
tier-after-else-label = unreachable
tier-after-else-else = `else` catches everything that reaches it
tier-after-else-help = `else` must be the last row
tier-missing-else = this tier table has no `else` row
tier-missing-else-label = what happens below the last threshold?
tier-missing-else-help = add a last row such as `else : 0`
top-needs-rank = `top` rows need a rank to look up
top-needs-rank-row = a `top` row
top-needs-rank-label = not a rank
top-needs-rank-help = declare `rank 名次 by total within store ties shared` and write `by 名次 { "{" } top 10% : … { "}" }`
top-mixes-kinds = this table mixes `top N%` rows (a share of the group) with `top N` rows (places)
top-mixes-kinds-label = a place
top-mixes-kinds-help = use one kind per table: `top 10%`, `top 25%` … or `top 1`, `top 3` …
tier-subject-not-number = a tier table needs a number to look up, but this is { $ty }
tier-bad-comparison = a tier row compares with >=, >, <= or <, not `{ $op }`
tier-bad-comparison-help = for exact counts write `<= 0 : full`, `<= 1 : minus 1`, …
tier-threshold-not-constant = a tier threshold must be a number or a parameter
tier-threshold-not-constant-label = not a constant
tier-threshold-not-constant-help = thresholds are fixed in the card so the checker can see their order
what-tier-subject-threshold = a tier's subject and its threshold
tier-mixed-direction = this table mixes rising and falling thresholds
tier-mixed-direction-here = `{ $op }` here
tier-mixed-direction-first = but the table starts this way
tier-mixed-direction-help = use only >= and > (best first), or only <= and < (lowest first)
tier-order = tier rows are out of order: { $value } must come before { $above }
tier-never-applies = this row can never apply
tier-order-above = because this row above catches those values first
tier-order-help-highest = first match wins, so put the highest threshold first
tier-order-help-lowest = first match wins, so put the lowest threshold first
tier-overlap = two rows share the threshold { $value }
tier-overlap-label = same threshold here
tier-overlap-help = each row needs its own threshold
tier-rising = a lower row gives more ({ $lower }) than the row above it ({ $upper })
tier-rising-label = gives more
tier-rising-above = than this
tier-rising-help = rows run from best to worst; check the numbers

## Points (points.rs)
section-empty = section `{ $section }` has no items
section-empty-label = empty section
weight-mismatch = section `{ $section }` weighs { $weight } points but its items add up to { $sum }
weight-mismatch-weight = weight { $weight } of the total
weight-mismatch-items = items: { $sum }
weight-mismatch-help = change an item's points or the weight, or write `scaled` after the weight to scale the items to it
total-mismatch = the sections add up to { $sum } points, but the card's total is { $total }
total-mismatch-label = declared total
total-mismatch-help = sections: { $sections }

## Expressions (expr.rs)
what-if-condition = the condition of `if`
what-if-branches = the two branches of `if`
what-total = the card's total
what-item-score = an item's score
what-section-score = a section's score
what-adjustment = a bonus or penalty block
what-derived = a band or output
what-rank = a rank
what-compare-sides = the two sides of `{ $op }`
what-numbers-to-add = the numbers to add
what-numbers-to-subtract = the numbers to subtract
what-arguments-of = the arguments of `{ $name }`
what-section-weight = a section's weight
what-item-points = an item's points
rater-not-value = `{ $name }` is a rater, not a value
rater-not-value-label = a rater
rater-not-value-help = a rater's ratings are read by `rated by …` in an item; use the item's score in formulas
item-rule-cannot-use = an item's rule cannot use { $what }
item-rule-cannot-use-label = not known yet when items are scored
item-rule-cannot-use-help = item rules read inputs and parameters; use scores and the total in a band or an output
require-cannot-use = a `require` line cannot use { $what }
require-cannot-use-label = not known when the row is read
require-cannot-use-help = `require` says what must hold in the data: it reads inputs and parameters only
unknown-name = `{ $name }` is not declared in this card
unknown-name-label = unknown name
did-you-mean = did you mean `{ $name }`?
unknown-name-help = declare it as an input (`input NAME percent "label"`) or a parameter
minus-needs-number = `-` needs a number, not { $ty }
money-times-money = two amounts of money cannot be multiplied
money-times-money-help = multiply money by a count, a rate or a coefficient
divide-by-money = dividing by an amount of money gives no kind of figure a card uses
arithmetic-needs-numbers = arithmetic needs numbers, but this is { $ty }
types-do-not-match = { $what } do not match: { $a } and { $b }
this-is = this is { $ty }
needs-yes-no-help = a condition compares (`培训成绩 >= 85`) or reads a yes/no input
needs-yes-no = { $what } needs yes or no, but this is { $ty }
wrong-arity = `{ $name }` takes { $expected } arguments, not { $count }
wrong-arity-label = wrong number of arguments
arity-two-or-more = two or more
arity-three = three
arity-one-or-two = one or two
function-needs-numbers = `{ $name }` works on numbers
round-places = `round` takes a whole number of decimal places from 0 to 10
round-places-label = write 0, 1 or 2 here
round-places-help = `round(x, 2)` rounds to the fen; halves round away from zero (四舍五入)
present-needs-optional = `present` takes one optional input
present-needs-optional-label = not an optional input
present-needs-optional-help = declare the input with `optional`; `present(x)` is true when its cell was filled in
days-in-period-arguments = `days_in_period` takes no arguments
days-in-period-arguments-label = write `days_in_period()`
days-in-period-only-require = `days_in_period()` can be used only in a `require` line
days-in-period-only-require-label = the row's period is not known here
days-in-period-only-require-help = check the data with `require 旷工 <= days_in_period() "…"`; scores cannot depend on it
takes-one-rank = `{ $name }` takes one rank
takes-one-rank-help = declare a rank (`rank 名次 by total within store ties shared`) and write `{ $name }(名次)`
write-as-percent = write the percentage as `{ $value }%`

## The card's declarations (decls.rs)
field-twice = the card declares `{ $field }` twice
field-twice-first = first declared here
no-total = the card has sections but no `total`
no-total-label = this card
no-total-help = add `total 100` (the points all sections add up to)
effective-backwards = the card stops being in force on { $until } before it starts on { $from }
effective-backwards-label = ends before the start
effective-backwards-help = write the first day, then `..`, then the last day
unknown-period = `{ $name }` is not a period
unknown-period-label = unknown period
unknown-period-help = write monthly, quarterly, half-yearly or yearly
not-positive = { $what } must be more than zero
not-positive-label = not positive
optional-and-default = input `{ $name }` is both optional and has a default
optional-and-default-optional = optional: a blank cell means not reported
optional-and-default-default = default: a blank cell means this value
optional-and-default-help = keep one of the two
bool-has-no-range = a yes/no input has no range
range-backwards = the range's low end is above its high end
range-backwards-help = write the smaller number first: `range 0..100`
percent-bounds = a percent input's bounds are percentages: write `{ $value }%`
bounds-not-percent = a { $ty } input's bounds are not percentages
bounds-not-money = a { $ty } input's bounds are not amounts of money
whole-numbers = a { $ty } input holds whole numbers
bool-default = a yes/no input's default is `true` or `false`
default-is-number = a { $ty } input's default is a number
default-outside-range = the default lies outside the input's range
count-negative = a count cannot be negative

## Bands and outputs (derived.rs)
cycle = `{ $name }` depends on itself
cycle-help = bands and outputs may use each other, but not in a loop
cycle-used-here = used here, which leads back to it
what-band-rows = the rows of a band
output-money-help = give the amounts a unit: `30 元` in a parameter or a literal
output-type = this output is declared { $declared }, but its formula gives { $ty }
output-type-formula = the formula
output-type-declared = the declared type

## Division by zero (zero.rs)
zero-denominator = `{ $name }` may be 0, and a row where it is would fail here: division by zero
zero-denominator-label = divides by `{ $name }`
zero-denominator-help = say what a zero means: `if { $name } = 0 then 100% else … / { $name }` (a rate with nothing to count), or refuse it: `require { $name } >= 1 "…"`

## Raters (raters.rs)
unknown-combine = `{ $name }` is not a way to combine ratings
unknown-rule = unknown rule
unknown-combine-help = write `combine override` (each rater overrides those listed before it), `combine mean`, or `combine weighted` with a share after each rater
rates-twice = `{ $name }` rates this item twice
unknown-rater = `{ $name }` is not a rater of this card
unknown-rater-label = unknown rater
unknown-rater-help = declare it first: `rater { $name } "label"`
not-a-rater = `{ $name }` is { $what }, not a rater
not-a-rater-label = a rater is needed here
not-a-rater-help = declare raters with `rater NAME "label"`, e.g. `rater 经理 "部门经理评分"`
combine-no-weights = `combine { $combine }` takes no weights
combine-no-weights-weight = a weight
combine-no-weights-label = not weighted
combine-no-weights-help = write `combine weighted` to weigh the raters, or remove the weights
rater-no-weight = `{ $name }` has no weight
rater-no-weight-label = needs a share such as `40%`
rater-no-weight-help = with `combine weighted` every rater has a share, and the shares add up to 100%
rater-weight-share = a rater's weight is a share above 0%
rater-weight-share-label = write a percentage such as `40%`
rater-weights-sum = the raters' weights add up to { $sum }%, not 100%
rater-weights-sum-label = these weights
rater-weights-sum-help = when a rater does not rate, the others' weights are scaled up to 100% among themselves; the declared weights must add up to 100%

## Ranks and grade limits (ranks.rs)
limit-twice = this grade is limited twice
limit-twice-second = second limit
limit-twice-first = first limit
limit-twice-help = keep one `limit` per grade
what-grade-limit = grade limit
what-rank-noun = rank
rank-unknown-ties = `{ $name }` is not a tie rule for a rank
rank-no-ties = rank `{ $name }` does not say how ties are placed
rank-ties-help = add `ties shared` (tied rows share the best place: 1, 2, 2, 4) or `ties dense` (1, 2, 2, 3)
rank-reads-rank = rank `{ $name }` ranks a value that depends on a rank
rank-reads-rank-label = reads a rank
rank-reads-rank-help = ranks are worked out together from each row's own scores; rank by the total, a section, an item, or a band or output that reads no rank
limit-unknown-ties = `{ $name }` is not a tie rule for a grade limit
limit-no-ties = this limit does not say what happens to rows tied at the cut
limit-ties-help = add `ties keep` (rows tied at the cut all keep the grade, even over the limit) or `ties push` (they all go down)
limit-share = a grade limit is a share of the group between 0% and 100%
limit-share-label = write a percentage such as `20%`
limit-needs-grade = a grade limit needs a `grade` table
limit-needs-grade-label = no grade table to limit
limit-needs-grade-help = add `grade { "{" } >= 90 : 优秀  >= 75 : 称职  else : 较差 { "}" }`
unknown-grade = `{ $grade }` is not a grade of this card
unknown-grade-label = unknown grade
unknown-grade-help = the grades are { $grades }
limit-lowest-grade = `{ $grade }` is the lowest grade; there is nothing to push it down to
limit-lowest-grade-label = the lowest grade
limit-lowest-grade-row = its row
ranked-not-number = a { $what } orders rows by a number, but this is { $ty }
unknown-grouping = `{ $name }` is not a group of rows
unknown-grouping-label = unknown group
unknown-grouping-help = write `within store`, `within brand`, `within region` or `within all` (the data's 门店, 品牌 and 区域 columns)

## Rolling months up to a quarter, half-year or year (rollup.rs)
rollup-needs-period = only a quarterly, half-yearly or yearly card rolls months up
rollup-needs-period-label = a roll-up rule
rollup-needs-period-help = declare the card's period: `period quarterly`
rollup-no-partial = this card rolls months up but does not say what happens when months are missing
rollup-no-partial-help = add `partial skip` (only complete periods are scored), `partial score minimum 2 months` (scored on the months there are) or `partial prorate minimum 2 months` (sums scaled up to the whole period)
ratio-part-not-sum = `{ $name }` is recomputed from `{ $part }`, which rolls up by `{ $rule }`, not `sum`
ratio-part-not-sum-label = a ratio of sums
unknown-partial = `{ $name }` is not a rule for partial periods
unknown-partial-help = write `partial skip`, `partial score` or `partial prorate`, with `minimum N months` for the last two
skip-no-minimum = `partial skip` takes no minimum
skip-no-minimum-label = a minimum
skip-no-minimum-help = `skip` scores complete periods only; to score periods with some months, write `partial score minimum N months`
minimum-months = the minimum is a whole number of months from 1 to { $months }
minimum-months-label = not a number of months in the period
ratio-same-parts = a ratio's two parts must be different inputs
ratio-unlike-parts = `{ $numerator }` is { $tn } but `{ $denominator }` is { $td }; a rate divides like by like
ratio-needs-parts = `ratio` names its two parts
ratio-needs-parts-help = write `rollup ratio(解决数, 受理数)`: the sum of the first over the sum of the second
rollup-takes-no-parts = `{ $rule }` takes no parts; only `ratio(…, …)` does
unknown-rollup = `{ $name }` is not a roll-up rule
unknown-rollup-help = the rules are sum, mean, last, all, any and ratio(numerator, denominator)
rollup-misfit = `{ $name }` is { $kind }, and { $problem }
no-rollup-help-percent = recompute the rate from summed counts: `rollup ratio(解决数, 受理数)`; or `rollup mean` to average the months
no-rollup-help-bool = `rollup all` (yes only if yes every month), `rollup any` (yes if yes in any month) or `rollup last`
no-rollup-help-number = `rollup sum` for an amount (units sold), `rollup mean` for a score (a training score), `rollup last` for a level
no-rollup = how does `{ $name }` add up from months to the card's period?
no-rollup-label = { $kind } input with no `rollup`
ratio-part-kind = `{ $name }` is { $kind }, not a count, number or amount to add up
ratio-part-kind-help = a rate is recomputed from two summed parts, such as `ratio(解决数, 受理数)`
misfit-all-any = `all` and `any` roll up yes/no inputs
misfit-all-any-help = use `rollup sum`, `mean` or `last`
misfit-bool = a yes/no does not add up or average
misfit-bool-help = use `rollup all` (yes every month), `any` (yes in some month) or `last`
misfit-sum-percent = rates do not add up
misfit-sum-percent-help = recompute it from summed counts with `rollup ratio(解决数, 受理数)`, or average the months with `rollup mean`
misfit-sum-rating = ratings do not add up
misfit-sum-rating-help = average them with `rollup mean`
misfit-mean-count = an average of counts is not a count
misfit-mean-count-help = counts add up: `rollup sum`
misfit-ratio = only a percentage is recomputed as a ratio
misfit-ratio-help = use `rollup sum` or `rollup mean`
input-of-kind = a { $kind }
