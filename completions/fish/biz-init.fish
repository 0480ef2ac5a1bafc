# fish completion for biz-init (bizutils): create a bizutils database.

complete -c biz-init -f

# Common options
complete -c biz-init -l db -r -F -d 'database file'
complete -c biz-init -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c biz-init -l jq -x -d 'jq program run on each record printed'
complete -c biz-init -l where -x -d 'jq predicate records must satisfy'
complete -c biz-init -l dry-run -d 'do the work, roll it back'
complete -c biz-init -l actor -x -d 'who makes the change'
complete -c biz-init -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c biz-init -s o -l fields -x -d 'fields to print, in order'
complete -c biz-init -l sort -x -d 'sort by fields, -FIELD descending'
complete -c biz-init -l limit -x -d 'at most N records'
complete -c biz-init -l total -d 'total rows in every format'
complete -c biz-init -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c biz-init -s q -l quiet -d 'no warnings'
complete -c biz-init -s h -l help -d 'print the usage'
complete -c biz-init -s V -l version -d 'print the version'

complete -c biz-init -l currency -x -a 'USD EUR GBP CHF JPY' -d 'currency code'
complete -c biz-init -l scale -x -a '0 1 2 3 4' -d 'decimal places of money'
