# fish completion for crm-assign (bizutils): give each new lead to a rep.

complete -c crm-assign -f
complete -c crm-assign -l rules -r -F -d 'route by the rules in a JSON file'
complete -c crm-assign -l strategy -x -a 'round-robin least-loaded weighted' -d 'how to pick among eligible reps'
complete -c crm-assign -l reassign-stale -x -d 'take back leads untouched for HOURS'
complete -c crm-assign -l all -d 'print every lead no rep can take, not only new ones'
complete -c crm-assign -l strict -d 'exit 1 when a lead is left with no rep'

# Common options
complete -c crm-assign -l db -r -F -d 'database file'
complete -c crm-assign -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-assign -l jq -x -d 'jq program run on each record printed'
complete -c crm-assign -l where -x -d 'jq predicate records must satisfy'
complete -c crm-assign -l dry-run -d 'decide and print, change nothing'
complete -c crm-assign -l actor -x -d 'who makes the change'
complete -c crm-assign -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-assign -s o -l fields -x -d 'fields to print, in order'
complete -c crm-assign -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-assign -l limit -x -d 'at most N records'
complete -c crm-assign -l total -d 'total rows in every format'
complete -c crm-assign -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-assign -s q -l quiet -d 'no warnings'
complete -c crm-assign -s h -l help -d 'print the usage'
complete -c crm-assign -s V -l version -d 'print the version'
