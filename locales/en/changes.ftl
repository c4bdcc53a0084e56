# What extends/override changed on a card, and the assumptions report
# (src/resolve/apply.rs, provenance.rs, assumptions.rs).

change-added = added
change-overridden = overridden
change-rollup-dropped = roll-up rule dropped (monthly)
change-label = label
change-weight = weight
change-points = points
change-rules = rules
change-changed = { $what } changed
change-and = { $init } and { $last }
change-in = { $what } in { $place }
change-sep = {"; "}
assume-summary = { $assumed } assumed (ours: to confirm with management), { $quoted } quoted from the policy, { $unmarked } unmarked
assume-head = assume "{ $text }"
assume-unmarked-head = not marked (neither `quote` nor `assume` covers them):
assume-numbers = { $count ->
        [one] { $count } number
       *[other] { $count } numbers
    }
