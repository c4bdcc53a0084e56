# One employee's score explained (src/report/explain.rs, group_trace.rs, appeal.rs).
# “…” holds the policy's own words (the card's `quote`); […] is the card's file and line, to check against.

## Headings
explain-total = total { $total } of { $of }
explain-grade-heading = grade { $grade }
explain-heading-sep = {" · "}
explain-provenance = card { $file } · { $stamp } · data line { $line }
explain-sections = sections
explain-section = { $name } { $score } of { $weight }
explain-section-scaled = { $name } { $score } of { $weight } (items { $items } of { $points }, scaled to { $weight })
explain-bonuses = bonuses { $sum }
explain-penalties = penalties { $sum }
explain-ranks = ranks
explain-bands = bands
explain-outputs = outputs
explain-bands-outputs = bands and outputs
explain-hooks = hook calls
explain-of = {" of "}{ $points }

## Quotes and references
explain-ref = [{ $file } line { $line }]
explain-policy = policy: “{ $quote }”
explain-assumed = {" "}(this card's own setting: { $text })
explain-policy-was = ; the policy itself says “{ $quote }”
explain-sep = {", "}
explain-and = {", "}

## Values
explain-yes = yes
explain-no = no
explain-blank = blank
explain-fact = { $name } { $value }
explain-fact-bool = { $name }: { $value }
explain-points = { $n } points

## Tiers
explain-cmp-ge = { $x } or more
explain-cmp-gt = above { $x }
explain-cmp-le = { $x } or less
explain-cmp-lt = below { $x }
explain-cmp-eq = exactly { $x }
explain-cmp-ne = other than { $x }
explain-cmp-else = none of the tiers above
explain-out-full = full points
explain-out-minus = { $n } off
explain-out-fixed = { $n } points
explain-out-formula = by formula
explain-row = { $guard }: { $outcome }
explain-tier-quoted = { $facts }; under “{ $quote }” it scores { $score } of { $points }
explain-tier-plain = { $facts }, in the tier “{ $row }”: { $score } of { $points }

## Pass or fail
explain-pass-quoted = { $facts }; policy: “{ $quote }”; { $score } of { $points }
explain-pass-failed = { $facts }; the item's requirement is not met: { $score } of { $points }
explain-zero-applies = { $facts }; the item scores nothing in this case: 0 of { $points }

## Late reports
explain-late-missing = { $name } not reported: { $score } of { $points }
explain-late-days = { $name } late by { $days } day(s) × { $per } = { $off } off: { $score } of { $points }

## By formula
explain-score-read = { $name } { $score }: { $score } of { $points }
explain-score = { $formula } = { $score } of { $points }

## Per occurrence
explain-per-minus = { $what }: { $count } × { $amount } = −{ $total }
explain-per-plus = { $what }: { $count } × { $amount } = +{ $total }
explain-sum = sum { $sum }
explain-clamp-zero = , raised to 0 (an item never scores below 0)
explain-clamp-points = , lowered to { $points } (an item never scores above its { $points } points)
explain-capped = the lines add up to { $sign }{ $uncapped }, capped at { $sign }{ $cap }

## Ratings
explain-rated-only = only { $rater } rated: { $score }
explain-rated-none = nobody rated: { $score }
explain-rated-override = { $given }; { $rater }'s rating stands: { $score }
explain-rated-mean = { $given }; mean { $formula } = { $score }
explain-rated-weighted = { $given }; weighted { $formula } = { $score }
explain-rated-rescaled = {" "}(the weights of those who rated, { $weights }, scaled to 100%)
explain-rated-rounded = {" "}(rounded to 0.01)
explain-rated-given = { $rater } { $score }
explain-rated-blank = { $rater } blank

## Total, grade, ranks
explain-total-line = total = sections { $sections }
explain-total-floored = , raised to 0 (the total never goes below 0)
explain-grade = { $facts }, { $guard }: grade { $grade }
explain-grade-pushed = ; a grade limit made it { $grade }
explain-total-name = total
explain-place = { $place } of { $size }
explain-rank = { $by } { $value }: place { $place } of { $size } in { $group }
explain-rank-tied = , tied with { $others } more
explain-rank-all = all rows
explain-rank-all-period = all rows of { $period }
explain-push = pushed down from { $from } to { $to }: { $group } had { $had } at { $from }, and { $allowed } may keep it; { $why }
explain-push-tie = { $by } { $value } ties at the cut, and every tied row goes down
explain-push-below = { $by } { $value } is below { $kept }, the lowest kept
explain-push-below-cut = { $by } { $value } is below the cut at { $cut }, where tied rows all went down
explain-push-none = { $share } of { $size } rows, rounded down, is none

## Outputs
explain-output = { $name } = { $formula } = { $value }
explain-where = {" "}(where { $facts })
explain-output-about = { $name } = { $formula } ≈ { $value }
explain-output-plain = { $name } = { $value }
explain-band = { $facts }, in the tier “{ $guard }”: { $name } { $value }
explain-rounded = {" "}(rounded to { $places } decimal places)
explain-op-and = {" and "}
explain-op-or = {" or "}
explain-not = not { $x }
explain-if = if { $cond } then { $then }, else { $else }
explain-clamp = { $x } kept between { $low } and { $high }
explain-present = { $name } is filled in
explain-period-days = days in the period

## Hooks
explain-hook = { $call } = { $value }, worked out by { $file }
explain-hook-printed = the script printed: { $line }

## Appraisal result notice (appeal.rs)
appeal-title = Appraisal result notice
appeal-period = period { $period }
appeal-id = ID
appeal-name = Name
appeal-role = Role
appeal-brand = Brand
appeal-store = Store
appeal-result = total <b>{ $total }</b> of { $of }
appeal-grade = {" · "}grade <b>{ $grade }</b>
appeal-col-item = Item
appeal-col-points = Points
appeal-col-score = Score
appeal-col-why = Why points were lost (the policy's words in quotes)
appeal-notes = <b>Notes</b> (what the run did that the data does not state)
appeal-heading = Appeal
appeal-text = I have read the result above. To appeal, hand a written appeal to the appraisal review committee within ____ working days of receiving this notice, naming the items disputed and why, with supporting documents; without one the result stands.
appeal-matter = Matter appealed: ______________________________________________________________
appeal-sign-rater = Appraiser (signature):
appeal-sign-employee = Employee (signature):
appeal-sign-date = Date:
appeal-ref = { $file } · { $stamp } · data line { $line }
appeal-ref-sep = {"; "}
