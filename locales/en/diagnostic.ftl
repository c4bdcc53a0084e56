# The renderer's fixed words (src/diagnostic/render.rs).
diag-error = error
diag-warning = warning
diag-help = help
diag-summary-errors = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}
diag-summary-warnings = { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
diag-summary-both = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} and { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
diag-summary-in-file = { $counts } in { $file }
diag-summary-in-files = { $counts } in { $files } files
diag-left-out = { $count } characters left out
