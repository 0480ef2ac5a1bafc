# fish completion for biz-export (bizutils): every table of the database to files, with a manifest.


# Common options
complete -c biz-export -l db -r -F -d 'database file'
complete -c biz-export -s f -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c biz-export -l jq -x -d 'jq program run on each record printed'
complete -c biz-export -l where -x -d 'jq predicate records must satisfy'
complete -c biz-export -l dry-run -d 'do the work, roll it back'
complete -c biz-export -l actor -x -d 'who makes the change'
complete -c biz-export -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c biz-export -s o -l fields -x -d 'fields to print, in order'
complete -c biz-export -l sort -x -d 'sort by fields, -FIELD descending'
complete -c biz-export -l limit -x -d 'at most N records'
complete -c biz-export -l total -d 'total rows in every format'
complete -c biz-export -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c biz-export -s q -l quiet -d 'no warnings'
complete -c biz-export -s h -l help -d 'print the usage'
complete -c biz-export -s V -l version -d 'print the version'

# Own options
complete -c biz-export -l dir -x -a '(__fish_complete_directories)' -d 'folder for the files'
complete -c biz-export -l format -x -a 'jsonl csv' -d 'format of the files'
