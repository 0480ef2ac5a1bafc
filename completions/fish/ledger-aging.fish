# fish completion for ledger-aging (bizutils): open invoices or bills by days past due.

# Common options
complete -c ledger-aging -l db -r -F -d 'database file'
complete -c ledger-aging -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c ledger-aging -l jq -x -d 'jq program run on each record printed'
complete -c ledger-aging -l where -x -d 'jq predicate records must satisfy'
complete -c ledger-aging -l dry-run -d 'do the work, roll it back'
complete -c ledger-aging -l actor -x -d 'who makes the change'
complete -c ledger-aging -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c ledger-aging -s o -l fields -x -d 'fields to print, in order'
complete -c ledger-aging -l sort -x -d 'sort by fields, -FIELD descending'
complete -c ledger-aging -l limit -x -d 'at most N records'
complete -c ledger-aging -l total -d 'total rows in every format'
complete -c ledger-aging -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c ledger-aging -s q -l quiet -d 'no warnings'
complete -c ledger-aging -s h -l help -d 'print the usage'
complete -c ledger-aging -s V -l version -d 'print the version'

# Own options
complete -c ledger-aging -l ar -d 'receivables by customer'
complete -c ledger-aging -l ap -d 'payables by supplier'
complete -c ledger-aging -l as-of -x -d 'date'
complete -c ledger-aging -l detail -d 'one record per invoice or bill'
