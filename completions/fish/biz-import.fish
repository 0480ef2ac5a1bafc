# fish completion for biz-import (bizutils): load a biz-export folder into a new database.


# Common options
complete -c biz-import -l db -r -F -d 'database file'
complete -c biz-import -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c biz-import -l jq -x -d 'jq program run on each record printed'
complete -c biz-import -l where -x -d 'jq predicate records must satisfy'
complete -c biz-import -l dry-run -d 'do the work, roll it back'
complete -c biz-import -l actor -x -d 'who makes the change'
complete -c biz-import -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c biz-import -s o -l fields -x -d 'fields to print, in order'
complete -c biz-import -l sort -x -d 'sort by fields, -FIELD descending'
complete -c biz-import -l limit -x -d 'at most N records'
complete -c biz-import -l total -d 'total rows in every format'
complete -c biz-import -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c biz-import -s q -l quiet -d 'no warnings'
complete -c biz-import -s h -l help -d 'print the usage'
complete -c biz-import -s V -l version -d 'print the version'

# Own options
complete -c biz-import -x -a '(__fish_complete_directories)'
