# Problems with hooks (rhai scripts beside a card) (src/check/hooks.rs, src/hooks/).

hook-file-unreadable = cannot read the hook file `{ $path }`
hook-file-unreadable-help = the path is relative to the card's own file
hook-no-signatures = say which functions of `{ $path }` the card uses, and their kinds
hook-no-signatures-label = no list of functions
hook-no-signatures-help = list them in braces, with the kind of each argument and of the result, e.g. `hooks "{ $path }" { "{" } { $example } { "}" }`
hook-is-built-in = `{ $name }` is a built-in function
hook-is-built-in-label = choose another name for the hook
hook-is-built-in-help = the card's own functions are min, max, clamp, round and present
hook-twice = hook `{ $name }` is declared twice
hook-function-arity = { $name } ({ $count ->
    [one] { $count } parameter
   *[other] { $count } parameters
})
hook-not-defined = `{ $path }` defines no function `{ $name }`
hook-not-defined-label = not in the script
hook-script-empty = `{ $path }` defines no functions at all
hook-script-defines = the script defines: { $functions }
hook-or = {" or "}
hook-arity-mismatch = `{ $name }` in `{ $path }` takes { $script } parameter(s), but the card declares { $card }
hook-arity-mismatch-help = list one kind per parameter of the script's function
functions-list = functions: min, max, clamp, round, present, top, group_size; to call a rhai function, declare it in a `hooks "file.rhai" { "{" } … { "}" }` block
functions-list-with-hooks = functions: min, max, clamp, round, present, top, group_size, and this card's hooks: { $hooks }
unknown-function = there is no function `{ $name }`
unknown-function-label = unknown function
hook-call-arity = `{ $name }` takes { $expected } { $expected ->
    [one] argument
   *[other] arguments
}, not { $count }
declared-as = declared as `{ $signature }`
hook-argument-type = argument { $index } of `{ $name }` is declared { $keyword }, but this is { $ty }
hook-script-does-not-compile = the hook script `{ $name }` does not compile
hook-script-does-not-compile-help = hooks are rhai functions; see "Writing a hook" in the README
hook-not-utf8 = `{ $name }` is not UTF-8 text; save it as UTF-8
no-hook-file = no hook file `{ $path }`
hook-files-given-as-text = this card was compiled from its text alone, so its hook files cannot be read; load it from its file (`scorecard::load`) instead

## Calling a hook while scoring (src/hooks/call.rs)
hook-returned = hook `{ $name }` returned { $what }, but the card declares it gives { $kind }
hook-too-long = ran for more than { $ms } ms and was stopped (work on long lists in a loop?)
hook-too-many-steps = ran for more than { $steps } steps and was stopped (a loop that never ends?)
hook-too-deep = called functions more than { $levels } deep and was stopped (recursion that never ends?)
hook-data-too-large = built { $what } too large and was stopped (limits: text { $text } characters, lists { $list } items, maps { $map } entries)
hook-too-many-variables = declared more than { $most } variables and was stopped
hook-calls-missing = calls `{ $name }`, which hooks do not have (no files, network, time or randomness)
hook-stopped = stopped: { $value }
hook-arithmetic = arithmetic failed: { $message }
hook-failed = failed: { $error }
hook-failure = hook `{ $name }` { $what }
hook-failure-at = hook `{ $name }` { $what } at { $file }:{ $line }:{ $column }
hook-given-blank = a hook was given a value that was left blank
hook-value-nothing = nothing (the function ended without a value)
hook-value-text = text { $text }
hook-value-bool = yes/no ({ $value })
hook-value-list = a list
hook-value-map = a map
hook-value-number = the number { $value }
hook-value-other = a value of type { $kind }
hook-kind-count = a count (a whole number, not negative)
hook-kind-days = a number of days (whole, not negative)
hooks-not-built = this scorecard was built without hooks, so `{ $name }` cannot be run; build it with the `hooks` feature
