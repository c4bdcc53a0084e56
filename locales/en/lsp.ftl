# The language server `scorecard lsp` (src/cli/lsp/): hovers, completion, renames and what goes wrong.

lsp-started = scorecard language server started: it talks with the editor on stdin and stdout (the editor starts it; there is no need to run it by hand)
lsp-protocol-error = talking with the editor failed: { $error }
lsp-internal-error = the language server failed on this request; please report the card and what you did
lsp-bad-notification = cannot read the editor's `{ $method }`: { $error }
lsp-unknown-method = the language server does not answer `{ $method }`

## A problem in another file (a base card)
lsp-elsewhere = { $message } (in `{ $file }`, line { $line })

## Hovers: what a name is
lsp-kind-input = input
lsp-kind-param = parameter
lsp-kind-section = section
lsp-kind-item = item
lsp-kind-bonus = bonus block
lsp-kind-penalty = penalty block
lsp-kind-band = band
lsp-kind-output = output
lsp-kind-rater = rater
lsp-kind-rank = rank
lsp-kind-hook = hook function

## Hovers: types
lsp-type-percent = percentage
lsp-type-number = number
lsp-type-count = count
lsp-type-money = amount
lsp-type-bool = yes/no
lsp-type-rating = rating
lsp-type-days = days

## Hovers: facts
lsp-hover-type = type: { $ty }
lsp-hover-range = range: { $range }
lsp-hover-default = default: { $value }
lsp-hover-optional = may be left blank
lsp-hover-rollup = rolled up: { $rule }
lsp-hover-value = value: { $value }
lsp-hover-weight = weight: { $weight }
lsp-hover-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}
lsp-hover-points = points: { $points }
lsp-hover-section = section: { $section }
lsp-hover-cap = cap: { $cap }
lsp-hover-by = by: { $by }
lsp-hover-script = script: { $file }
lsp-hover-quote = The policy says
lsp-hover-assume = Our assumption, to confirm with management
lsp-hover-declared-in = declared in `{ $file }`, line { $line }

## Completion
lsp-builtin-function = built-in function
lsp-keyword = keyword

## Quick fixes
lsp-fix-replace = change to `{ $name }`

## Rename
lsp-rename-not-a-name = there is no name the card declares here to rename
lsp-rename-hook = a hook function is named by its script: rename it in `{ $file }` first, then in the card
lsp-rename-bad-name = `{ $name }` cannot be a name: a name starts with a letter, a Chinese character or `_`, holds only those and digits, and is no keyword
lsp-rename-taken = the name `{ $name }` is already used in `{ $file }`
lsp-rename-data-columns = once `{ $old }` is renamed `{ $new }`, data columns headed `{ $old }` must be renamed `{ $new }` too (or headed by the input's label), or reading the data will report a missing column
lsp-rename-elsewhere = { $files } also mention `{ $old }` (a step's `from`, the inputs of test cases); the language server did not change them: please check them by hand

## `scorecard lsp --help` (help.rs looks these ids up)
help-lsp-about = Start the language server: diagnostics, hovers, completion of names, go to definition, rename and formatting for an editor (VS Code with the extension in editors/vscode, or any LSP client)
help-lsp-after =
    The server speaks the Language Server Protocol on stdin and stdout; the editor starts it, there is no need to run it by hand.
    Messages are in the language every command uses (Chinese by default); the editor may ask for one with the initialization option `lang` (`zh` or `en`), and `--lang` on the command line wins.
    A card's unsaved text in the editor comes before the file on disk: a brand card is checked again as soon as its base card is edited.

    Examples:
      scorecard lsp
      scorecard lsp --lang en

    Exit codes:
      0  the editor asked for `shutdown`, then sent `exit`
      1  the editor exited or went away without `shutdown`
      2  talking with the editor failed
help-lsp-arg-stdio = Talk over stdin and stdout (the only way; accepted for editors that pass it)
