# fish completion for biz-backup (bizutils): an online copy of the database, safe while others write.


# Common options
complete -c biz-backup -l db -r -F -d 'database file'
complete -c biz-backup -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c biz-backup -l jq -x -d 'jq program run on each record printed'
complete -c biz-backup -l where -x -d 'jq predicate records must satisfy'
complete -c biz-backup -l dry-run -d 'do the work, roll it back'
complete -c biz-backup -l actor -x -d 'who makes the change'
complete -c biz-backup -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c biz-backup -s o -l fields -x -d 'fields to print, in order'
complete -c biz-backup -l sort -x -d 'sort by fields, -FIELD descending'
complete -c biz-backup -l limit -x -d 'at most N records'
complete -c biz-backup -l total -d 'total rows in every format'
complete -c biz-backup -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c biz-backup -s q -l quiet -d 'no warnings'
complete -c biz-backup -s h -l help -d 'print the usage'
complete -c biz-backup -s V -l version -d 'print the version'

# Own options
complete -c biz-backup -l force -d 'replace FILE if it exists'
complete -c biz-backup -F
