# fish completion for biz-check (bizutils): verify that stock, cost layers and the books agree.


# Common options
complete -c biz-check -l db -r -F -d 'database file'
complete -c biz-check -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c biz-check -l jq -x -d 'jq program run on each record printed'
complete -c biz-check -l where -x -d 'jq predicate records must satisfy'
complete -c biz-check -l dry-run -d 'do the work, roll it back'
complete -c biz-check -l actor -x -d 'who makes the change'
complete -c biz-check -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c biz-check -s o -l fields -x -d 'fields to print, in order'
complete -c biz-check -l sort -x -d 'sort by fields, -FIELD descending'
complete -c biz-check -l limit -x -d 'at most N records'
complete -c biz-check -l total -d 'total rows in every format'
complete -c biz-check -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c biz-check -s q -l quiet -d 'no warnings'
complete -c biz-check -s h -l help -d 'print the usage'
complete -c biz-check -s V -l version -d 'print the version'

# Own options
complete -c biz-check -l deep -d 'also check every index against its table (slower)'
