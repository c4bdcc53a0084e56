# What the command line says (src/cli/): errors, progress, summaries.
cli-note = note
cli-list-separator = {", "}

## Reading and writing files
cli-stdin-card = cannot read the card from stdin: { $message }
cli-no-data = no data file was given: name the month's data after the card or rules directory
cli-stdin-needs-format = reading data from stdin needs --input-format csv|xlsx|json|jsonl|toml
cli-sheet-not-xlsx = --sheet only applies to an Excel workbook (.xlsx)
cli-cannot-read = cannot read `{ $path }`: { $error }
cli-cannot-read-stdin = cannot read stdin: { $error }
cli-cut-short = `{ $path }` ends in the middle of a character: the file looks cut short
cli-not-utf8 = `{ $path }` is not UTF-8 text; save it as UTF-8 and try again
cli-io-not-found = No such file or directory
cli-io-permission-denied = Permission denied
cli-io-is-a-directory = Is a directory
cli-does-not-exist = `{ $path }` does not exist
cli-cannot-list = cannot list `{ $path }`: { $error }
cli-cannot-write-file = cannot write `{ $path }`: { $error }
cli-cannot-write-report = cannot write the report: { $error }
cli-cannot-write-results = cannot write the results: { $error }
cli-cannot-write-explanation = cannot write the explanation: { $error }
cli-cannot-write-stdout = cannot write to stdout: { $error }
cli-cannot-make-temporary = cannot make a temporary file for the results: { $error }
cli-cannot-build-workbook = cannot build the workbook: { $error }
cli-output-is-input = `{ $path }` is read by this run (its data, a card, a hook script or the manifest); writing the report over it would destroy it: give --output another file
cli-binary-on-terminal = this format is binary and stdout is a terminal; give --output FILE (or redirect to a file)
cli-dangling-link = it is a link to a file that cannot be reached ({ $error })
cli-not-a-regular-file = it is not a regular file (a device, a pipe or a folder); give the path of a file to write
cli-interrupted = interrupted: no report was written, and any file it would replace is as it was
cli-sync-thread-failed = the thread syncing the report failed
cli-not-a-language = `{ $text }` is not a language: use zh or en

## eval, explain: the run
cli-progress-scoring = scoring
cli-progress-rows = rows
cli-rows-left-out = { $rows } bad row(s) left out; { $scored } row(s) scored
cli-nothing-scored = { $problems ->
    [one] { $problems } problem in { $data }; nothing was scored. Fix them, or pass --keep-going to score the other rows.
   *[other] { $problems } problems in { $data }; nothing was scored. Fix them, or pass --keep-going to score the other rows.
}
cli-no-employee = no employee `{ $who }` in { $data } (ids there include: { $ids })

## check
cli-check-ok = ok: { $path } — { $name } ({ $sections } sections, { $items } items, { $inputs } inputs) · { $stamp }
cli-check-ok-directory = ok: { $manifest } — { $entries } entries, { $cards } cards routed, steps: { $steps }, roles: { $roles }
cli-check-unrouted = { $path }: no entry of { $manifest } routes a row to this card, so nothing is scored by it
cli-check-unrouted-help = add a [[card]] for it to { $manifest }, or move it out of the rules directory

## diff
cli-diff-not-compared = { $count } row(s) or problem(s) could not be compared; see `not compared`
cli-diff-directory-first = give the rules directory first: `diff { $old } { $new } …` compares a card with a whole directory; to see a changed card's effect on the month, run `diff { $new } { $old } …`

## fmt
cli-fmt-unformatted = { $count ->
    [one] { $count } card is not in canonical layout; run `scorecard fmt` on it to fix
   *[other] { $count } cards are not in canonical layout; run `scorecard fmt` on them to fix
}
cli-formatted = formatted { $path }

## template
cli-template-role-of-card = --role picks a role's sheet of a rules directory; `{ $card }` is a card
cli-template-no-role = { $manifest } has no cards for role `{ $role }`; its roles are { $roles }
cli-template-csv-one-sheet = a CSV file holds one sheet, and { $manifest } has a sheet per role; give --role ROLE, or use --format xlsx

## test
cli-test-no-case-files = no case files (*.cases.toml) under { $paths }
cli-test-no-cases = `{ $path }` has no cases: write them in `{ $cases }`
cli-test-card-unusable = { $path }: the card `{ $card }` cannot be used
cli-test-result = test result: { $verdict }. { $passed } passed; { $failed } failed
cli-test-ok = ok
cli-test-failed = FAILED
cli-test-running = { $count ->
    [one] running { $count } case from { $path }
   *[other] running { $count } cases from { $path }
}
cli-test-expected-vs-actual = expected (worked out by hand) vs actual (the card):
cli-test-broken = the case could not be checked:
cli-test-moved = the result moved from its snapshot (- recorded, + now):
cli-test-case-ok = test { $name } ... ok
cli-test-case-failed = test { $name } ... FAILED
cli-test-failures = failures:
cli-test-stale = the snapshot has case(s) the case file no longer has: { $cases } (record again with --snapshot --accept)
cli-test-coverage = coverage of { $card }: { $summary }
cli-test-not-reached = not reached by any case:
cli-test-missed-point = line { $line } { $owner }  `{ $rule }`
cli-test-recorded = recorded the snapshot { $path }
cli-test-new-case = (a new case: nothing recorded yet)
cli-test-pending = the new results are in { $path }: review them, then run `scorecard test --snapshot --accept` to record them

## clap's errors for a wrong command line (Chinese only; English prints clap's own)
clap-value-missing = `{ $arg }` needs a value, and none was given
clap-invalid-value = invalid value '{ $value }' for '{ $arg }' (possible values: { $valid })
clap-value-validation = invalid value '{ $value }' for '{ $arg }': { $why }
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-dash-value = to pass '{ $arg }' as a value, use '-- { $arg }'
clap-unknown-subcommand = unrecognized subcommand '{ $name }'
clap-did-you-mean = a similar one exists: '{ $name }'
clap-missing-argument = the following required arguments were not provided: { $arg }
clap-missing-subcommand = a subcommand is required but one was not provided
clap-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-wrong-number-of-values = '{ $arg }' takes { $expected } value(s) but { $actual } were given
clap-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
clap-other = the command line is wrong:
clap-more-help = For more information, try '--help'.
