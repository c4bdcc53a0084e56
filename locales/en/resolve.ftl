# Problems composing cards (extends, override, remove) (src/resolve/).

extended-here = extended here
missing-base = cannot find the base card: { $why }
missing-base-help = the path is relative to this card's folder, like `../callback_specialist.card`
extends-cycle = `{ $name }` extends itself, through its bases
extends-cycle-help = the chain runs { $chain }; one of them must extend nothing
extends-too-deep = more than { $most } cards extend one another
extends-too-deep-help = is there a loop through a link? Group → brand → store needs three
removed-here = removed here
removed-still-used = `{ $name }` is still used here, but a card that extends this one removes it; remove or override this rule as well
no-base-extends = `override` and `remove` change a base card, but this card extends none
the-base-cards = the base card's
base-already-has = the base card already has { $what }
base-already-has-help = to change it, write `override { $kind } …`
already-in-base = `{ $name }` is already declared in the base card, as { $what }
already-in-base-help = to change it, write `override { $kind } { $name } …`; to add something new, choose another name
base-has-no = the base card has no { $what } to { $verb }
not-in-base = not in the base card
base-has-no-help-override = to add one, write it without `override`: `{ $kind } …`
nothing-to-remove = there is nothing to remove; delete this line
wrong-kind-in-base = `{ $name }` is { $found } in the base card, not { $what }
wrong-kind-not = not { $what }
wrong-kind-here = { $what } here
write-remove = write `remove { $kind } { $name }`
write-verb = write `{ $verb } { $kind } { $name } …`
base-has-no-named = the base card has no { $what } `{ $name }` to { $verb }
override-adds-nothing = `override` changes what the base card declares; to add a new { $kind }, write `{ $kind } { $name } …` without `override`

## Kinds of declarations
kind-role = a role
kind-period = a period
kind-total = a total
kind-version = a version
kind-effective = an effective date range
kind-input = an input
kind-param = a parameter
kind-section = a section
kind-item = an item
kind-bonus = a bonus block
kind-penalty = a penalty block
kind-grade = a grade table
kind-band = a band
kind-output = an output
kind-hooks = a hooks declaration
kind-rater = a rater
kind-rank = a rank
kind-limit = a grade limit
kind-partial = a partial-period rule
kind-round = a rounding rule
kind-main = a main output
kind-require = a requirement on the data
kind-ignore = a list of columns to ignore

## Reading card and hook files (loader.rs, confine.rs)
card-given-as-text = the card was given as text, so there is no folder to find its base card in
file-cut-short = `{ $name }` ends in the middle of a character: the file looks cut short
file-not-utf8 = `{ $name }` is not UTF-8 text; save it as UTF-8 and try again
no-such-card = there is no card `{ $name }`
outside-rules-root = `{ $written }` is outside the rules folder `{ $root }`; a card may name only files inside it
rules-root-unreadable = the rules folder `{ $root }` cannot be read
file-kind-card = a card
file-kind-hook = a hook script
wrong-file-kind = `{ $written }` is not { $what }: a card may name only `{ $extension }` files here
not-a-regular-file = `{ $name }` is not a regular file (a folder, device or pipe cannot be read as a card)
file-too-large = `{ $name }` is larger than { $kb } KB, the most a card or a hook script may be
no-such-file = there is no file `{ $name }`
cannot-read-file = cannot read `{ $name }`: { $why }
