# Problems in the rules manifest scorecard.toml (src/manifest/).

manifest-shape-help = each card is a `[[card]]` table with `role`, `file` and optionally `brand`, `store`, `step` and `from`; the group's brands and stores go in `[group]`, columns to ignore in `[data]`
feed-without-step = `{ $value }` does not say which step's result feeds `{ $input }`
feed-without-step-label = expected STEP.KEY
feed-without-step-help = write the step and the result, such as `{ $input } = "{ $step }.total"`
key-empty = `{ $key }` is empty
empty = empty
store-needs-brand = a store entry needs its brand
store-needs-brand-label = store without a brand
store-needs-brand-help = add `brand = "…"`: a store's card is chosen within its brand
entry-twice = two cards are listed for { $entry }
entry-twice-again = listed again here
entry-twice-first = first listed here
entry-twice-help = keep one of the two entries
manifest-no-cards = the manifest lists no cards
manifest-no-cards-help = add a `[[card]]` table with `role` and `file`
group-brand = brand
group-store = store
group-name-empty = a { $what } in `[group]` is empty
group-name-twice = { $what } `{ $name }` is listed twice
again-here = again here
not-in-group = { $what } `{ $value }` is not one of the group's { $what }s in `[group]`
not-in-group-entry = this entry is for { $what } `{ $value }`
not-in-group-list = the group's { $what }s
not-in-group-help = add `{ $value }` to the { $what }s in `[group]`, or correct the entry
feed-same-step = `{ $input }` reads step `{ $step }`, the step its own card is in
feed-same-step-label = the same step
feed-same-step-help = a card is fed by an earlier step's result: put this card in a step of its own (`step = "绩效工资"`)
step-lacks-role = step `{ $step }` has no card for role `{ $role }`, so nothing can feed `{ $input }`
step-lacks-role-label = read from here
step-lacks-role-help = add a `[[card]]` with role `{ $role }` and step `{ $step }`, or read another step
no-such-step = there is no step `{ $step }`
no-such-step-label = no such step
no-such-step-help = the steps are { $steps }; an entry without `step` is in `{ $first }`
steps-loop = the steps { $steps } read each other's results in a loop
steps-loop-help = a step may read only the steps before it: the appraisal feeds the pay, not both ways
manifest-card-unreadable = cannot read the card: { $why }
listed-here = listed here
manifest-card-unreadable-help = `file` is relative to the manifest's folder
feed-not-an-input = `{ $input }` is not an input of `{ $file }`
fed-here = fed here
feed-no-key = `{ $file }` ({ $entry }) has no `{ $key }`
read-here = read here
feed-no-key-help = the key is `total`, or the name of an item, section, bonus or penalty block, band or output
feed-wrong-type = `{ $key }` of `{ $from }` is { $have }, but `{ $input }` of `{ $file }` takes { $want }
