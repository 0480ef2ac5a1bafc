# fish completion for crm-forecast (bizutils): open deals by expected close: weighted, historical, best case, won.

complete -c crm-forecast -f

# Common options
complete -c crm-forecast -l db -r -F -d 'database file'
complete -c crm-forecast -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-forecast -l jq -x -d 'jq program run on each record printed'
complete -c crm-forecast -l where -x -d 'jq predicate records must satisfy'
complete -c crm-forecast -l dry-run -d 'do the work, roll it back'
complete -c crm-forecast -l actor -x -d 'who makes the change'
complete -c crm-forecast -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-forecast -s o -l fields -x -d 'fields to print, in order'
complete -c crm-forecast -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-forecast -l limit -x -d 'at most N records'
complete -c crm-forecast -l total -d 'total rows in every format'
complete -c crm-forecast -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-forecast -s q -l quiet -d 'no warnings'
complete -c crm-forecast -s h -l help -d 'print the usage'
complete -c crm-forecast -s V -l version -d 'print the version'

# Own options
complete -c crm-forecast -l by -x -a 'month rep stage' -d 'group by'
complete -c crm-forecast -l from -x -d 'expected close from this date'
complete -c crm-forecast -l to -x -d 'expected close up to this date'
