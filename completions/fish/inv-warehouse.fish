# fish completion for inv-warehouse (bizutils): add and list warehouses.

complete -c inv-warehouse -f
set -l inv_warehouse_subcommands add list
complete -c inv-warehouse -n "not __fish_seen_subcommand_from $inv_warehouse_subcommands" -f -a add -d 'add a warehouse'
complete -c inv-warehouse -n "not __fish_seen_subcommand_from $inv_warehouse_subcommands" -f -a list -d 'list warehouses'

# Common options
complete -c inv-warehouse -l db -r -F -d 'database file'
complete -c inv-warehouse -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-warehouse -l jq -x -d 'jq program run on each record printed'
complete -c inv-warehouse -l where -x -d 'jq predicate records must satisfy'
complete -c inv-warehouse -l dry-run -d 'do the work, roll it back'
complete -c inv-warehouse -l actor -x -d 'who makes the change'
complete -c inv-warehouse -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-warehouse -s o -l fields -x -d 'fields to print, in order'
complete -c inv-warehouse -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-warehouse -l limit -x -d 'at most N records'
complete -c inv-warehouse -l total -d 'total rows in every format'
complete -c inv-warehouse -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-warehouse -s q -l quiet -d 'no warnings'
complete -c inv-warehouse -s h -l help -d 'print the usage'
complete -c inv-warehouse -s V -l version -d 'print the version'

# Own options
complete -c inv-warehouse -l name -x -d 'the warehouse name'
