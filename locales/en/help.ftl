# `--help` of every command (src/cli/help.rs). An argument's text is
# `help-COMMAND-arg-ARG`, or, when several commands share it, `help-arg-ARG`.
# Command, flag and file names and the examples stay as they are typed.

## What clap prints around the texts
help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-options-placeholder = [OPTIONS]
help-arg-help = Print help
help-arg-version = Print version
help-help-about = Print this message or the help of the given subcommand(s)
help-help-arg-subcommand = Print help for the subcommand(s)

help-exit-codes =
    Exit codes:
      0  ok
      1  problems in the data: nothing scored (or, with --keep-going, rows left out); a case failed; a card not formatted
      2  the command line is wrong
      3  a card, hook script or rules manifest has errors
      4  the report could not be written

## scorecard
help-scorecard-about = Check and evaluate employee performance scorecards and pay formulas
help-scorecard-after =
    Examples:
      scorecard eval rules/ examples/callback_specialists_by_brand.csv      # the month, each row by its own card
      scorecard check rules/
      scorecard explain rules/ examples/callback_specialists_by_brand.csv --employee HF109

    { help-exit-codes }
help-arg-rules-root = The folder whose files cards may name (`extends`, `hooks`); by default the nearest folder above the card holding a `scorecard.toml`, else the card's own
help-arg-private = New report files readable by their owner only (mode 0600); by default they get the usual permissions (the umask decides)
help-arg-lang = The language of messages: `zh` (Chinese) or `en` (English); by default the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`: `en…` is English), else Chinese

## The rules and the data (eval, explain)
help-arg-paths = The rules, then the data. Rules: a rules directory (or its scorecard.toml), which picks each row's card by its role, brand and store; or a card file; or several versions of one card, each row then scored by the version in force for its period. Data: one file, or several joined by employee id (the first lists the month's people): .csv, .xlsx, .json, .jsonl or .toml (`-` reads stdin; give --input-format)
help-arg-input-format = The data's format when it cannot be told from the file name
help-arg-sheet = The worksheet to read from an Excel workbook (default: the first; with a rules directory, every sheet named after a role)
help-arg-keep-going = Score the good rows even when some rows are bad (the exit code is still 1)
help-arg-from = Feed an input from another card's (or rules directory's) results, joined by employee id: INPUT=CARD:KEY,DATA (KEY is total, or an item, section, band or output)
help-arg-role = With a rules directory: the role of rows that have no 岗位 (role) column, or a blank one
help-arg-step = With a rules directory: run only this step of the month (考核, 绩效工资 …); repeatable
help-arg-rollup = The data is monthly (a 月份 column): roll it up to each card's quarter, half-year or year first
help-arg-lenient = Forgive what looks like a mistake, and say so in the report: a header that resembles an input is only a warning, and a brand or store the rules do not know is scored by the role's card for no brand or store
help-arg-bom = Start CSV output with a byte-order mark so Excel reads Chinese text correctly
help-arg-output = Write to this file (replaced whole, only once complete) instead of stdout; needed for xlsx on a terminal

## check
help-check-about = Check cards for errors: names, types, weights, tier tables; or a rules directory: its manifest and every card under it
help-check-after =
    A rules directory is checked whole: its scorecard.toml (entries, steps, the cards it routes and what one feeds another), and every card under the folder, routed or not; a card no entry routes a row to is named.

    Examples:
      scorecard check rules/
      scorecard check rules/callback_specialist.card
      scorecard check rules/*.card --format json

    { help-exit-codes }
help-check-arg-cards = Card files to check (`-` reads one from stdin), or a rules directory (or its scorecard.toml)
help-check-arg-format = `human` (default) or `json` (a list of diagnostics on stdout)

## eval
help-eval-about = Score every employee in the month's data: items, sections, total, grade, outputs
help-eval-after =
    With a rules directory, each row is scored by the card its 岗位 (role), 品牌 (brand) and 门店 (store) pick in the directory's scorecard.toml, step after step (the appraisal, then the pay it feeds); the results are grouped by card (CSV: one table with a `card` column; xlsx: a sheet per card and a summary; HTML: each store's people, card by card).

    With several versions of a card, each row is scored by the version in force for its period (a 期间/period column).

    Several data files are joined by employee id: the first lists the month's people.

    Examples:
      scorecard eval rules/ examples/callback_specialists_by_brand.csv
      scorecard eval rules/ 十月考核.xlsx 预约系统导出.csv 财务报表.csv --format xlsx --output 十月结果.xlsx
      scorecard eval rules/callback_specialist.card examples/callback_specialists.csv --format csv --bom > 结果.csv
      scorecard eval rules/ examples/callback_specialists_by_brand.csv --format html --output 报告.html
      cat rows.json | scorecard eval rules/callback_specialist.card - --input-format json --format json
      scorecard eval 回访专员_2026上半年.card 回访专员_2026下半年.card 2026全年.csv

    { help-exit-codes }
help-eval-arg-format = Output format: `xlsx` is a workbook (summary and detail sheets), `html` a printable report per store, `jsonl` one JSON object a line
help-eval-arg-trace = JSON: with each score, the rules that gave it (as `explain` shows them); much larger and slower

## explain
help-explain-about = Explain each employee's score line by line, quoting the rules that applied
help-explain-after =
    Each row is explained by its own card (with a rules directory: the card its role, brand and store pick, for every step, the pay after the appraisal).

    With --format html, the explanation is a 考核结果告知书: one A4 page per employee (appraisal and pay together), with an appeal paragraph and a signature block, to print from the browser.

    Examples:
      scorecard explain rules/ examples/callback_specialists_by_brand.csv --employee HF109
      scorecard explain rules/ examples/callback_specialists_by_brand.csv examples/booking_export.csv examples/finance_report.csv --format html --output 告知书.html
      scorecard explain rules/callback_specialist.card examples/callback_specialists.csv > 说明.txt

    { help-exit-codes }
help-explain-arg-employee = Only this employee (by id, or by name); with several periods or steps, every one of them
help-explain-arg-format = `text` on the terminal, or `html`: 考核结果告知书, one A4 page per employee to print and hand out (the explanation, the pay, an appeal paragraph and a signature block)
help-explain-arg-output = Write to this file (replaced whole, only once complete) instead of stdout

## diff
help-diff-about = Compare two versions of the rules on the same data: who gains, who loses, by how much, and what changed in the cards
help-diff-after =
    OLD and NEW are cards, or rules directories. `diff rules/ rules-new/ DATA` scores each row by its own card in each directory; `diff rules/ CHANGED.card DATA` puts CHANGED.card in place of the directory's card of the same name (the brand and store cards that extend it included). Each side reads the data against its own inputs; a row only one of them can score is listed, not dropped. The exit code is 1 when some row could not be compared.

    Examples:
      scorecard diff rules/ tests/cards/diff/callback_specialist_2026h2.card examples/callback_specialists_by_brand.csv
      scorecard diff rules/callback_specialist.card 新方案.card examples/callback_specialists.csv
      scorecard diff rules/ 新规则/ 十月.csv --format md > 变更说明.md

    { help-exit-codes }
help-diff-arg-old = The rules as they are now: a card, or a rules directory
help-diff-arg-new = The rules as they would be: a card, or a rules directory; with OLD a rules directory and NEW a card, the card stands in for OLD's card of the same name
help-diff-arg-data = The data both are scored on: one file, or several joined by employee id (.csv, .xlsx, .json, .jsonl or .toml; `-` reads stdin; give --input-format)
help-diff-arg-sheet = The worksheet to read from an Excel workbook (default: the first)
help-diff-arg-role = With rules directories: the role of rows with no 岗位 (role) column
help-diff-arg-rollup = Roll monthly rows up to each card's period first
help-diff-arg-lenient = Forgive headers that look misspelt and brands or stores the rules do not know (said in the report)
help-diff-arg-format = Output format

## fmt
help-fmt-about = Lay cards out in the canonical layout, keeping every comment
help-fmt-after =
    Files are rewritten in place (atomically). A card that does not parse is left alone.

    Examples:
      scorecard fmt rules/
      scorecard fmt --check rules/        # for CI: list unformatted cards, exit 1
      scorecard fmt - < a.card > b.card
help-fmt-arg-paths = Card files, or folders to search for `*.card` files (`-` formats stdin to stdout)
help-fmt-arg-check = Change nothing: list the cards that are not formatted and exit 1 if there are any

## test
help-test-about = Run the cases kept next to cards: expected totals, items, grades and outputs, and tier coverage
help-test-after =
    A case file `NAME.cases.toml` sits next to `NAME.card`. Give case files, cards, or folders (searched for *.cases.toml); the default is the current folder.

    Examples:
      scorecard test rules/
      scorecard test rules/callback_specialist.card
      scorecard test --snapshot rules/             # also compare each case's full result with NAME.cases.snap
      scorecard test --snapshot --accept rules/    # record the current results as the snapshots
help-test-arg-paths = Case files, cards (their NAME.cases.toml), or folders to search
help-test-arg-snapshot = Also compare each case's full result (items, trace, outputs) with its recorded snapshot
help-test-arg-accept = With --snapshot: record the current results as the snapshots

## template
help-template-about = Write the fill-in sheet for a card, or for a rules directory (a sheet per role): one column per input, with its label, type, range and an Excel validation rule
help-template-after =
    A rules directory's workbook has a sheet per role (named after it), each with the columns every card of that role reads; `eval rules/ 模板.xlsx` reads it back, each sheet's rows with its role.

    Examples:
      scorecard template rules/ --output 十月考核模板.xlsx
      scorecard template rules/callback_specialist.card --output 回访专员模板.xlsx
      scorecard template rules/ --role 回访专员 --format csv --bom > 回访专员模板.csv

    { help-exit-codes }
help-template-arg-card = The card file, or a rules directory (or its scorecard.toml)
help-template-arg-format = `xlsx` (a workbook with validation rules and notes) or `csv` (with `#` lines describing each column)
help-template-arg-role = With a rules directory: only this role's sheet (needed for csv)

## show
help-show-about = Print a card as resolved: its bases applied, each line an override added or changed annotated
help-show-after =
    The output is card text: it checks and scores exactly as the card does.
    If the resolved card has errors it is still printed, the errors go to stderr and the exit code is 3.

    With --assumptions, lists instead the numbers the card marks as ours (`assume "…"`), note by note,
    with the lines they are on: what HR should confirm with management. A folder lists every card under it.

    Examples:
      scorecard show rules/brands/君威/回访专员.card
      scorecard show rules/brands/君威/一店/回访专员.card > resolved.card
      scorecard show --assumptions rules/technician.card
      scorecard show --assumptions rules/
help-show-arg-card = The card file (`-` reads it from stdin; bases are then found from the working directory); with --assumptions, also a folder
help-show-arg-assumptions = List the numbers the card assumes (and any it leaves unmarked) instead of printing it

## What clap adds after an argument's text, and the usage's placeholders
help-default = default: { $value }
help-possible = possible values: { $values }
help-command-placeholder = COMMAND
