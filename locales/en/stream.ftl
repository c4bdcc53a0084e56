# Reading and scoring a file a row (or a group) at a time (src/stream/, src/link.rs).

stream-needs-every-row = the card ranks rows or limits grades, which needs every row first
stream-needs-every-month = the card rolls months up, which needs every month of a person first
stream-file-changed = the file changed while it was being read: the row at line { $line } belongs to a group that had ended earlier in the file when it was first read
stream-file-changed-help = run again once the file is saved and no longer changing
link-usage = `{ $text }` should read INPUT=CARD:KEY,DATA, e.g. 月度考核分数=rules/callback_specialist.card:total,s1.csv
