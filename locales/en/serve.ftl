## scorecard serve: a card edited in the browser (editors/web/API.md)

serve-listening = scorecard serve is running: open { $url } in a browser (it answers this machine only, 127.0.0.1)
serve-editing = Editing { $card }; { $rows } people of the data are scored by it, recomputed on every change and compared with the card as saved
serve-stop-hint = Press Ctrl-C to stop
serve-cannot-listen = cannot listen on port { $port } of 127.0.0.1: { $error } (give another --port, or --port 0 for any free one)
serve-one-rules = serve edits one card: give one rules directory or one card file, not { $rules }
serve-card-needs-directory = --card goes with a rules directory; with one card, that card is the one edited
serve-name-a-card = no row of the data is scored by this rules directory's cards, so which card to edit cannot be told: name it with --card
serve-chosen = editing { $card }: { $why } (--card picks another)
serve-why-one = it scores all { $rows } people of the data
serve-why-base = the { $rows } people of the data are scored by { $cards } cards, and every one of them extends this base card
serve-why-most = it scores the most people ({ $count } of { $rows })
serve-steps-left-out = nobody of the data can be scored in step { $steps } (most likely the data lacks its columns): it is left out while editing
serve-outside-root = { $path } is not inside the rules folder { $root }: it cannot be edited or saved
serve-base-heading = // ── base card { $file } (read-only; to change it, write an override above) ──
serve-base-reason = the base card { $file }
serve-problem-elsewhere = { $message } (in { $file }, line { $line })
serve-row-line = line { $line }
serve-column-id = id
serve-column-name = name
serve-column-brand = brand
serve-column-store = store
serve-column-total = total
serve-column-grade = grade
serve-explain-title = { $name } ({ $id }): how the score came about
serve-explain-card-errors = the card has errors and no version of it has checked yet; fix them first
serve-no-employee = the data has no employee with id { $id }
serve-not-saved = { $count ->
    [one] the card has { $count } error; not saved
   *[other] the card has { $count } errors; not saved
}
serve-saved = saved { $path } (formatted, comments kept)
serve-cannot-save = cannot save { $path }: { $error }
serve-bad-request = the request is not the JSON API.md describes: { $error }

## --help
help-serve-about = Edit a card in the browser: every employee's score, grade and pay move as you type
help-serve-after =
    Starts a page on this machine (it answers 127.0.0.1 only): the card on the left, highlighted, its problems underlined as you type, hover for an input's or an item's description, completion of input names; on the right every employee of the data scored by the text as it is now, and the impact against the card as saved (who gains or loses, by how much, grade changes, pay totals): the numbers `scorecard diff` gives. Click an employee for the explanation. Saving (Ctrl-S) writes the card only when it checks, laid out as `scorecard fmt` does, comments kept.

    With a rules directory the card edited is the one the data's rows are scored by (when they are scored by several, the base card they all extend), or the one --card names; a brand or store card shows its base card's lines below it, commented out, read-only.

    Examples:
      scorecard serve rules/ examples/callback_specialists_by_brand.csv
      scorecard serve rules/ examples/callback_specialists_by_brand.csv --card rules/brands/君威/callback_specialist.card
      scorecard serve rules/callback_specialist.card examples/callback_specialists.csv --port 0

    { help-exit-codes }
help-serve-arg-paths = The rules, then the data. Rules: a rules directory (or its scorecard.toml), or a card file. Data: one file, or several joined by employee id (.csv, .xlsx, .json, .jsonl or .toml); with no data the card is only checked
help-serve-arg-card = With a rules directory: the card to edit (by default the card the data's rows are scored by, or the base card they all extend)
help-serve-arg-port = The port to listen on, on 127.0.0.1 (0: any free port)
