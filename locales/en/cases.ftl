# Case files: cards tested against totals worked out by hand (src/cases/).

cases-not-toml = not a valid case file: { $detail }
cases-quote-keys-help = TOML wants keys that are not plain ASCII in quotes: "反馈及时率" = "96%"
cases-card-not-text = `card` should be the card's file name, in quotes
cases-defaults-not-table = `[defaults]` should be a table of column = value
cases-case-not-tables = write each case as a [[case]] table
cases-unknown-top-key = unknown key `{ $key }` (a case file holds `card`, `[defaults]` and [[case]] tables)
cases-name-twice = two cases are named `{ $name }`
cases-none = no [[case]] tables
cases-case-not-table = case { $number } is not a table
cases-case-no-name = case { $number } needs a `name`
cases-label = case `{ $name }`
cases-no-expect = { $label } needs an `expect` table, with at least `total`
cases-no-expect-rows = { $label } needs an `expect` table keyed by employee id
cases-row-not-table = { $label }: row { $number } is not a table
cases-no-expect-for-row = { $label } has no `expect."{ $id }"` table for its row { $number }
cases-expect-no-row = { $label }: `expect."{ $id }"` matches no row's id
cases-row-and-rows = { $label } has both `row` and `rows`; keep one
cases-no-row = { $label } needs a `row` table (or a `rows` list)
cases-unknown-key = { $label }: unknown key `{ $key }` (a case holds `name`, `row` or `rows`, and `expect`)
cases-expect-no-total = { $label }: `expect` needs `total`, the total worked out by hand
cases-expect-not-value = { $label }: `expect.{ $key }` should be a number or a text
cases-no-row-scored = no row was scored for `{ $id }`
cases-unknown-expect = `{ $key }` in `expect` is not `total`, `grade`, `sections_total`, nor an item, section, block, band or output of the card
cases-data-name = { $file }, case `{ $case }`
cases-coverage = { $tiers } of { $tiers_all } tier rows and { $deductions } of { $deductions_all } deductions
