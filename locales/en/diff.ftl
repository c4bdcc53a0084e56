# `scorecard diff`: what changed in the cards (src/diff/structure.rs) and the
# report (src/diff/render.rs). Card text stays in backticks, as written.

## What a change is about
diff-none = (none)
diff-about-card = card
diff-about-input = input { $name }
diff-about-hook = hook { $name }
diff-about-param = param { $name }
diff-about-grade = grade

## What of it changed
diff-what-label = label
diff-what-role = role
diff-what-period = period
diff-what-total = total
diff-what-version = version
diff-what-effective = effective dates
diff-what-type = type
diff-what-range = range
diff-what-default = default
diff-what-optional = optional
diff-what-kinds = kinds
diff-what-script = script
diff-what-value = value
diff-what-weight = weight
diff-what-scaled = scaled
diff-what-points = points
diff-what-tiers-by = tiers are now by
diff-what-rule = rule
diff-what-formula = formula
diff-what-cap = cap

## The changes
diff-changed = { $what } changed from { $old } to { $new }
diff-removed = removed
diff-added = added: `{ $text }`
diff-added-input = added: { $kind } `{ $text }`
diff-added-hook = added: `{ $signature }` in { $file }
diff-added-param = added: { $value }
diff-script-changed = script { $file } changed
diff-section-added = section added, weight { $weight }
diff-section-removed = section removed
diff-item-added = item added to { $section }, { $points } points: `{ $text }`
diff-item-moved = moved from section { $old } to { $new }
diff-item-removed = item removed (was { $points } points)
diff-full-points = full points (no rule)
diff-line-added = `{ $text }` added
diff-line-removed = `{ $text }` removed
diff-line-changed = `{ $old }` changed to `{ $new }`
diff-changed-to = changed to `{ $text }`
diff-grade-moved = { $grade } changed from { $old } to { $new }
diff-tier-changed = tier { $tier } changed from { $old } to { $new }
diff-tier-replaced = tier `{ $old }` changed to `{ $new }`
diff-tier-removed = tier `{ $tier }` removed
diff-tier-added = tier `{ $tier }` added
diff-card-new = a new card ({ $file })
diff-card-gone = the card is gone ({ $file })
diff-row-unreadable = the row could not be read (see the problem with the whole file)

## The report
diff-side-directory = { $file } (rules directory: each row by its own card)
diff-old = old: { $side }
diff-new = new: { $side }
diff-heading-changes = what the card changes
diff-heading-employees = employees
diff-heading-not-compared = not compared
diff-heading-summary = summary
diff-md-title = Card change: { $old } → { $new }
diff-md-heading-changes = What the card changes
diff-md-heading-summary = Summary
diff-md-heading-employees = Employees
diff-md-heading-not-compared = Not compared
diff-nothing-changed = nothing: the cards say the same
diff-col-id = id
diff-col-name = name
diff-col-card = card
diff-col-old = old
diff-col-new = new
diff-col-change = change
diff-col-grade = grade
diff-col-outputs = outputs that moved
diff-col-items = items that moved
diff-csv-old-total = old_total
diff-csv-new-total = new_total
diff-csv-change = change
diff-csv-old-grade = old_grade
diff-csv-new-grade = new_grade
diff-csv-output-old = { $name }_old
diff-csv-output-new = { $name }_new
diff-csv-items = items_changed
diff-summary-compared = { $compared } compared: { $gain } gain, { $lose } lose, { $same } unchanged
diff-summary-no-grade-changes = no grade changes
diff-summary-grade-changes = { $count } change grade ({ $moves })
diff-summary-movers = biggest movers: { $movers }
diff-summary-pay = { $output } in all: { $old } → { $new } ({ $change })
diff-summary-not-compared = { $count } row(s) or problem(s) could not be compared (listed above)
diff-unscored-both = neither card
diff-unscored-old = the old card
diff-unscored-new = the new card
diff-unscored-line-id = line { $line } ({ $id })
diff-unscored-line = line { $line }
diff-unscored-file = the file
diff-unscored = { $at }: { $card } could not score it: { $reason }
diff-change-line = { $about }: { $change }
diff-list-separator = {", "}
