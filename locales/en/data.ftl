# Problems reading data files (src/data/).

## Places in a data file (error.rs)
data-at-file = the file
data-at-line = line { $n }
data-at-record = record { $n }
data-at-row = row { $n }
data-place-file = { $file }
data-place-line = { $file }:{ $n }
data-place-record = { $file }: record { $n }
data-place-row = { $file } row { $n }
data-place-cell = { $file }!{ $cell }
data-place-sep = {": "}
data-place-column = column `{ $column }`
data-place-help = help: { $help }

## Columns and headers (binding.rs)
data-field-id = the employee id
data-field-name = the employee name
data-field-brand = the brand
data-field-store = the store
data-field-region = the region
data-field-period = the month
data-list-sep = {", "}
data-did-you-mean = did you mean `{ $name }`?
data-column-no-header = column { $column } has no header; its cells are ignored
data-columns-same-input = columns `{ $first }` and `{ $header }` both give input { $input }
data-columns-same-field = columns `{ $first }` and `{ $header }` both give { $field }
data-no-id-column = no employee id column
data-no-id-column-help = add a column for it: an id column is headed 工号, 员工编号, id or employee_id (or 姓名/name, if names are unique)
data-no-id-column-help-close = is `{ $header }` the id? an id column is headed 工号, 员工编号, id or employee_id (or 姓名/name, if names are unique)
data-default-used-one = no column for { $input }, so every row takes its default { $shown }
data-default-used-several = no columns for { $count } inputs, so every row takes their defaults: { $list }
data-default-used-item = { $input } { $shown }
data-missing-column = no column for required input { $input }
data-missing-column-help = add a column headed `{ $name }`
data-missing-column-help-both = add a column headed `{ $label }` or `{ $name }`
data-missing-column-help-close = did you mean the column `{ $header }`? A header must match the input's label or name exactly
data-near-miss-column = matches no input on the card, but looks like `{ $close }`
data-near-miss-column-help = did you mean `{ $close }`? Rename the column to `{ $close }`; if it is another column, list it under `[data] ignore` in scorecard.toml (or run with --lenient)
data-unknown-column = matches no input on the card; its cells are ignored

## Cells (cell.rs)
data-percent-help = percentages are written as 98% or 0.98
data-bool-help = write one of 是/否, yes/no, true/false, y/n, 1/0, 对/错, √/×
data-excel-error = `{ $shown }` is an Excel error: { $cause }
data-excel-error-help = fix the formula in the workbook (or type the figure in), then read the data again
data-excel-div0 = a formula divided by zero
data-excel-na = a lookup found no value
data-excel-value = a formula used the wrong kind of value
data-excel-ref = a formula refers to a cell that no longer exists
data-excel-name = a formula uses a name Excel does not know
data-excel-num = a formula's result is not a valid number
data-excel-null = a formula's ranges do not meet
data-excel-failed = a formula failed
data-blank-required = missing a value for required input { $input }
data-noun-percent = a percentage
data-noun-number = a number
data-noun-count = a count
data-noun-money = an amount of money
data-noun-bool = yes or no
data-noun-rating = a rating
data-noun-days = a number of days
data-cell-not-a = `{ $shown }` is not { $what }
data-thousands-only-money = only money may have thousands separators; write 1200, not 1,200
data-not-finite-help = the spreadsheet formula for this cell failed (NaN or infinity); fix it and export again
data-scientific = `{ $shown }` is written in scientific notation
data-scientific-help = write the number out in full
data-scientific-help-value = write the number out in full: { $value }
data-too-large = `{ $shown }` is too large a number
data-too-precise = `{ $shown }` has more digits than can be held exactly
data-too-precise-help = a number can have at most 28 significant digits
data-whole-help = { $what } is a whole number, 0 or more
data-not-whole = `{ $shown }` is not a whole number
data-negative = `{ $shown }` is negative
data-wan = `{ $shown }` is in 万, not yuan
data-wan-help = write the amount in yuan
data-wan-help-value = write the amount in yuan: { $value }
data-thousands-help = use `.` for the decimal point and `,` only between thousands, e.g. 1,200.50
data-outside-range = `{ $shown }` is outside the range { $low } to { $high }
data-percent-reads-as = percentages are written as 98% or 0.98; `{ $shown }` reads as { $value }
data-percent-would-mean = `{ $shown }` would mean { $value }

## JSON and TOML files (json.rs, toml.rs)
data-json-not-rows = expected a JSON array of objects, or one object per line (JSON Lines)
data-json-not-rows-help = write the rows as [{"{"}"工号": "E001", …{"}"}, …]
data-json-not-object = expected an object with one key per column, found { $what }
data-json-key-twice = the key `{ $key }` appears twice in one object
data-json-eof = the JSON ends in the middle of a value
data-json-eof-help = the file may be cut short
data-json-malformed = malformed JSON at column { $column }: { $detail }
data-json-line-eof = this line ends in the middle of a JSON value
data-json-lines-help = each line must hold one whole JSON object (JSON Lines); for one document spread over many lines, put the rows in an array [ … ]
data-json-bool = true or false
data-json-number = a number
data-json-string = a string
data-json-array = an array
data-json-null = null
data-toml-top-key = unexpected top-level key `{ $key }`
data-toml-top-key-help = each row goes in its own [[row]] table
data-toml-row-not-list = `row` is { $what }, not a list of tables
data-toml-row-not-list-help = write each row as a [[row]] table
data-toml-quote-key = a key that is not plain ASCII must be quoted: "{ $key }" = …
data-toml-malformed = malformed TOML: { $detail }
data-toml-not-table = expected a table of columns, found { $what }
data-toml-date = a date
data-toml-list = a list
data-toml-table = a table

## Rows (rows.rs)
data-require-fact = `{ $column }` is { $value }
data-require-fact-no-column = `{ $name }` is { $value } (no column)
data-require-facts = { $message } ({ $facts })
data-require-rule = `{ $condition }` ({ $file }, line { $line })
data-require-help = the card requires { $rule }; correct the row, or the card if the rule is wrong
data-require-help-failed = the card requires { $rule }, which could not be worked out: { $why }
data-period-cell-help = write the month as 2026-10 (or 2026年10月); a quarter as 2026-Q4
data-missing-id = missing the employee id
data-missing-name-as-id = missing the employee name, which serves as the id (there is no id column)
data-duplicate-id = employee `{ $id }` appears twice, at { $first } and { $second }
data-duplicate-id-period = employee `{ $id }` appears twice for { $period }, at { $first } and { $second }
data-duplicate-name-as-id-help = names serve as ids because there is no id column; add a 工号 column to tell apart two people with one name

## Reading files (source.rs, format.rs)
data-io-not-found = there is no such file
data-io-permission = permission denied
data-cannot-read-data = cannot read the file: { $why }
data-utf16 = the file is UTF-16 text, not UTF-8
data-not-utf8 = the file is not UTF-8 text
data-not-utf8-help = save it as UTF-8 (in Excel: File → Save As → "CSV UTF-8"); Excel's plain "CSV" uses the local encoding, such as GBK
data-file-empty = the file is empty
data-unknown-format = cannot tell the file's format from its name
data-unknown-format-et-help = save the workbook as .xlsx (File → Save As → Excel Workbook) and read that
data-unknown-format-help = name it .csv, .xlsx, .json, .jsonl or .toml, or give the format explicitly

## CSV files (csv/)
data-csv-stray-cr = this row holds a carriage return (\r) that is not at its end, which would cut the row in two
data-csv-stray-cr-help = save the file with ordinary line ends (in Excel: File → Save As → "CSV UTF-8"), or remove the stray character
data-csv-open-quote-help = a quoted cell runs on over several lines; check for a missing closing quote `"`
data-csv-comma-help = a cell holding a comma must be quoted, e.g. "1,200"
data-csv-short-row-help = every row needs a cell for each column of the header, even if blank
data-csv-width = this row has { $count ->
        [one] { $count } cell
       *[other] { $count } cells
    } but the header has { $width ->
        [one] { $width } column
       *[other] { $width } columns
    }
data-csv-row-too-long = this row is longer than 1 MB, the most a row may be
data-csv-row-too-long-help = is a quote left open, so that the rest of the file reads as one cell?
data-csv-header-too-long = the header row is longer than 256 KB, the most a header may be
data-csv-header-too-long-help = is this a CSV file? Its first row must name the columns, separated by commas
data-csv-mixed-help = the lines before this one are UTF-8 and this one is not: the file mixes encodings; save it again from Excel or WPS as one CSV (File → Save As → "CSV UTF-8")
data-csv-not-text = the file is not text: neither UTF-8 nor GB18030 (GBK)
data-csv-not-text-help = is this a CSV file? Open it in Excel or WPS and save it as CSV (File → Save As → "CSV UTF-8" or "CSV")
data-csv-only-comments = the file has no header row, only comments

## Workbooks (xlsx/)
data-sheet-empty = the sheet is empty
data-sheet-list = the workbook's sheets are: { $sheets }
data-sheet-unreadable = cannot read the sheet `{ $sheet }`: { $why }
data-xls-too-large = the workbook is larger than { $mb } MB, the most an .xls workbook may be
data-workbook-too-large = the workbook would take more than { $mb } MB once unpacked, the most a workbook may
data-workbook-too-large-help = save the rows as CSV (File → Save As → CSV UTF-8), which is read row by row
data-cell-too-long = this cell holds { $count } characters, more than the { $most } a cell may hold
data-no-such-sheet = the workbook has no sheet named `{ $sheet }`
data-no-worksheet = the workbook has no worksheet
data-workbook-password = the workbook is password-protected
data-workbook-password-help-excel = remove the password in Excel (File → Info → Protect Workbook), save, and try again
data-workbook-password-help = remove the workbook's password, save, and try again
data-not-a-workbook = the file is not a workbook (.xlsx, .xls, .xlsb or .ods)
data-not-a-workbook-help = open it in Excel or WPS and save it as .xlsx (File → Save As → Excel Workbook) or as CSV UTF-8; a WPS .et file must be saved so too
data-workbook-unreadable = cannot read the workbook: { $why }
data-workbook-unreadable-help = open it in Excel or WPS and save it as .xlsx or CSV UTF-8
data-no-rows = the file has no rows
data-input-named = `{ $label }` (`{ $name }`)
