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
