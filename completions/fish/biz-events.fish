# fish completion for biz-events (bizutils): print the event log.

complete -c biz-events -f

# Common options
complete -c biz-events -l db -r -F -d 'database file'
complete -c biz-events -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c biz-events -l jq -x -d 'jq program run on each record printed'
complete -c biz-events -l where -x -d 'jq predicate records must satisfy'
complete -c biz-events -l dry-run -d 'do the work, roll it back'
complete -c biz-events -l actor -x -d 'who makes the change'
complete -c biz-events -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c biz-events -s o -l fields -x -d 'fields to print, in order'
complete -c biz-events -l sort -x -d 'sort by fields, -FIELD descending'
complete -c biz-events -l limit -x -d 'at most N records'
complete -c biz-events -l total -d 'total rows in every format'
complete -c biz-events -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c biz-events -s q -l quiet -d 'no warnings'
complete -c biz-events -s h -l help -d 'print the usage'
complete -c biz-events -s V -l version -d 'print the version'

complete -c biz-events -l since -x -d 'only events after this id or from this date'
complete -c biz-events -l cursor-file -r -F -d 'file keeping the last event printed'
complete -c biz-events -l kind -x -a 'activity. bom. build. config. count. customer. db. deal. invoice. item. lead. ledger. order. payment. purchase. rep. stock. supplier. ticket. warehouse.' -d 'only kinds starting so'
complete -c biz-events -l follow -d 'keep printing new events'
