## How a card rounds money (`round money to …`) and the output its report leads with (`main …`).

round-step = money can be rounded to 0.01, 0.1 or 1 yuan, not { $step }
round-step-label = not a step money is rounded to
round-step-help = write `round money to 0.01 at each step` (every amount to the fen as it is worked out) or `round money to 0.01 at the end` (only what is reported)
main-not-output = `main` names `{ $name }`, which is not an output of this card
main-not-output-label = not an output
main-not-output-help = name one of the card's outputs, e.g. the pay the report should lead with
