# The results workbook (xlsx): sheet names, column headings, notes.
workbook-summary = Summary
workbook-detail = Detail
workbook-detail-more = Detail ({ $n })
workbook-notes = Notes
workbook-store-totals = Store totals
workbook-id = ID
workbook-name = Name
workbook-brand = Brand
workbook-store = Store
workbook-people = People
workbook-all-stores = All stores
workbook-card = Card
workbook-total = Total
workbook-grade = Grade
workbook-rank = Rank
workbook-section = Section
workbook-item = Item
workbook-points = Points
workbook-score = Score
workbook-lost = Lost
workbook-reason = Reason
workbook-bonus = Bonus
workbook-penalty = Penalty
workbook-yes = yes
workbook-no = no
# Excel's page footer: &P is the page, &N the number of pages.
workbook-page-footer = &CPage &P of &N
workbook-detail-split = Detail has more rows than an Excel sheet holds ({ $rows } below its header): it goes on in sheets Detail (2) to Detail ({ $last })
# The detail sheet's first line: which rows it lists (an item left out scored full marks).
workbook-detail-heading = Only the lines where something happened are listed (points lost, a bonus or penalty applied, a note); an item not listed scored full marks; every item's score is on the sheet Summary.
# A text longer than an Excel cell holds, cut in the workbook.
workbook-text-cut = Some text is longer than the { $most } characters an Excel cell holds: the workbook cuts it there, ending in …; the CSV and JSON reports have it whole
