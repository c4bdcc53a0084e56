# What a run found besides the results: problems, warnings and notes (src/run/).

## Problems and notes (problems.rs)
run-who = {" "}({ $id })
run-line-sep = ,
run-failed-in = , in { $rule }
run-for-card = {" "}(card `{ $card }`)
run-for-cards = {" "}(cards { $cards })
run-note-skipped = { $file }: { $id } { $period } is not scored: { $count } month(s) ({ $months }), and the card's `partial` rule asks for at least { $minimum }
run-note-lenient = run with --lenient: headers that look misspelt are only warned about, and brands or stores the rules do not know are scored by the role's card for no brand or store
run-note-fallback = { $place }: { $what } `{ $value }` is not one the rules know; --lenient scored the row by `{ $card }`
run-note-sheets-not-read = { $file }: the sheet(s) { $sheets } are named after no role, so they are not read
run-note-decoded = { $file }: the file is not UTF-8, so it was read as { $encoding } text
run-brand = brand
run-store = store

## Which card scores a row (assign.rs)
run-no-role-column = no role column, so no row can be matched to a card
run-no-role-column-help = add a column headed 岗位 (or role) holding each row's role, such as { $roles }; or give the role of every row on the command line with --role
run-no-role = the row has no role
run-employee = `{ $id }`
run-the-row = the row
run-role-no-card = { $who } has role `{ $role }`, and { $manifest } lists no card for that
run-has-role = { $who } has role `{ $role }`
run-and-brand = , brand `{ $brand }`
run-and-store = , store `{ $store }`
run-route-no-card = { $what }, and { $manifest } lists no card for that
run-route-no-card-step = { $what }, and { $manifest } lists no card for that in step `{ $step }`
run-route-no-card-help = `{ $role }` has cards only for some brands or stores; add one for this row's, or a [[card]] with role `{ $role }` and no brand, to { $manifest }
run-did-you-mean-then = did you mean `{ $name }`? { $then }
run-unknown-role-help = the roles with cards are { $roles }; correct the row, or add a [[card]] for `{ $role }` to { $manifest }
run-no-role-help = fill in the row's role: one of { $roles }
run-unknown-value = { $what } `{ $value }` is not one of the group's { $what }s
run-unknown-value-help-close = did you mean `{ $close }`? Correct the cell; if `{ $value }` is a new { $what } of the group, add it to `{ $key }` under `[group]` in { $manifest } (its rows are then scored by the role's card for no { $what })
run-unknown-value-help = the { $what }s the rules know are { $known }; if `{ $value }` is a new { $what } of the group, add it to `{ $key }` under `[group]` in { $manifest } (its rows are then scored by the role's card for no { $what }), or run with --lenient

## Inputs fed by another card's results (feeds.rs)
run-feed-and-column = `{ $input }` is both a column of the data and fed by { $source }; keep one
run-feed-no-result = no result for this employee in { $looked_in }, so `{ $input }` is unknown
run-feed-out-of-range = { $looked_in } gives `{ $input }` { $value }, outside its range { $low }..{ $high }
run-feed-scored-by = { $data } (scored by { $card })
run-link-not-input = `{ $input }` is not an input of { $card }
run-link-types-differ = input `{ $input }` takes { $want } in { $first } but { $have } in { $card }
run-link-stdin = a linked card cannot come from stdin
run-link-does-not-check = --from { $link }: { $card } does not check:
    { $problems }
run-link-no-key = { $card } has no `{ $key }`: use total, or an item, section, block, band or output name
run-link-key-type = `{ $key }` of { $card } is { $ty }, but input `{ $input }` takes { $want }
run-link-problems = --from { $link }: the results that feed `{ $input }` have problems:
    { $problems }

## Files joined by employee (join.rs)
run-join-no-id-column = no employee id column, so its rows cannot be matched to the first file's
run-join-no-id-column-help = files given together are joined by employee: give each a 工号 (or 姓名) column
run-join-missing-id = missing the employee id, so the row cannot be matched
run-join-disagree = `{ $mine }` here, but `{ $theirs }` in { $file } at { $at }
run-join-disagree-help = the files disagree about this employee: correct the one that is wrong
run-join-not-in-first = employee `{ $id }` is here but not in { $first }, the first file, which lists the month's people
run-join-not-in-first-period = employee `{ $id }` for { $period } is here but not in { $first }, the first file, which lists the month's people
run-join-not-in-first-help = add the employee to { $first }, or take the row out of { $file }

## The run and its output (mod.rs, render.rs)
run-stop-cards = { $count } problem(s) in the cards
run-no-data = no data file was given
run-version-tag = version { $version }
run-csv-versions-differ = the versions of the card have different columns, and CSV holds one set of columns; use --format json, or score each version's periods separately ({ $versions })
run-in-force = {" "}· in force { $dates }

## Which cards score (rules.rs)
run-directory-alone = a rules directory picks each row's card itself; give it alone, not with other cards ({ $args })
run-no-card = no card was given
run-no-manifest-help = a rules directory keeps its cards' list in { $manifest }
run-role-needs-directory = --role picks cards from a rules directory; `{ $cards }` is a card
run-step-needs-directory = --step picks steps of a rules directory's month; a card is one step
run-rollup-needs-card = --rollup needs a card that rolls months up, and { $card } does not
run-rollup-needs-card-help = declare `period quarterly`, a `partial` rule and how each input adds up (`rollup sum`, `rollup ratio(解决数, 受理数)` …); see the README's Periods
run-steps-are = its steps are { $steps }
run-no-such-step = there is no step `{ $step }` in { $manifest }; { $hint }
run-overlay-no-card = { $file } is card `{ $name }`, and { $manifest } has no card of that name to stand in for
run-then-did-you-mean = { $message }; { $hint }

## Ways of scoring (ways.rs, tables.rs)
run-read-once = this input can be read only once, and it was read already
run-for-card-rows = { $message } (for the card `{ $card }`, which { $rows ->
        [one] { $rows } row of this file needs
       *[other] { $rows } rows of this file need
    })
run-near-miss-any-card = matches no input on any card, but looks like `{ $close }`
run-step-key = step `{ $step }`'s `{ $key }`
run-step = step `{ $step }`
run-no-row-in = employee `{ $who }` has no row in { $file }, which gives { $columns } to the card `{ $card }`
run-no-row-in-help = add the employee's row to { $file }: nothing is read as zero
run-in-file-at = { $file } { $at }
run-groups-lost-rows = ranks and grade limits are over the scored rows only; the rows left out are not counted in any group
run-monthly-rows = the rows are monthly, but the card `{ $card }` is scored by { $period }
run-monthly-rows-help = add --rollup to roll the months up by the card's rules first
run-rate-missing = no value for `{ $input }`: without --rollup the data gives each period's rate itself
