# fish completion for inv-count (bizutils): cycle counts.

# --db PATH given on the line: its two words, for the lookups.
function __bizutils_db
    set -l words (commandline -opc)
    set -l db
    for i in (seq (count $words))
        switch $words[$i]
            case --db
                test $i -lt (count $words); and set db $words[(math $i + 1)]
            case '--db=*'
                set db (string replace -- --db= '' $words[$i])
        end
    end
    test -n "$db"; or return 0
    echo --db
    string replace -r -- '^~/' "$HOME/" $db
end

set -l inv_count_subcommands start record diff post cancel show list

complete -c inv-count -f
complete -c inv-count -n "not __fish_seen_subcommand_from $inv_count_subcommands" -a start -d 'snapshot a warehouse for a count'
complete -c inv-count -n "not __fish_seen_subcommand_from $inv_count_subcommands" -a record -d 'add counted quantities'
complete -c inv-count -n "not __fish_seen_subcommand_from $inv_count_subcommands" -a diff -d 'expected, counted, variance and its value'
complete -c inv-count -n "not __fish_seen_subcommand_from $inv_count_subcommands" -a post -d 'post the adjustments and their entry'
complete -c inv-count -n "not __fish_seen_subcommand_from $inv_count_subcommands" -a cancel -d 'cancel an open count'
complete -c inv-count -n "not __fish_seen_subcommand_from $inv_count_subcommands" -a show -d 'show a count'
complete -c inv-count -n "not __fish_seen_subcommand_from $inv_count_subcommands" -a list -d 'list the counts'

# Common options
complete -c inv-count -l db -r -F -d 'database file'
complete -c inv-count -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-count -l jq -x -d 'jq program run on each record printed'
complete -c inv-count -l where -x -d 'jq predicate records must satisfy'
complete -c inv-count -l dry-run -d 'do the work, roll it back'
complete -c inv-count -l actor -x -d 'who makes the change'
complete -c inv-count -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-count -s o -l fields -x -d 'fields to print, in order'
complete -c inv-count -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-count -l limit -x -d 'at most N records'
complete -c inv-count -l total -d 'total rows in every format'
complete -c inv-count -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-count -s q -l quiet -d 'no warnings'
complete -c inv-count -s h -l help -d 'print the usage'
complete -c inv-count -s V -l version -d 'print the version'

# inv-count start
complete -c inv-count -n "__fish_seen_subcommand_from start" -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'the warehouse to count'
complete -c inv-count -n "__fish_seen_subcommand_from start" -l sku -x -a '(inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null)' -d 'count this item only'
complete -c inv-count -n "__fish_seen_subcommand_from start" -l all -d 'a line for every item'

# inv-count record
complete -c inv-count -n "__fish_seen_subcommand_from record" -l scan -d 'barcodes or SKUs from standard input'
complete -c inv-count -n "__fish_seen_subcommand_from record" -F

# inv-count post
complete -c inv-count -n "__fish_seen_subcommand_from post" -l zero -d 'lines not counted count as zero'

# inv-count list
complete -c inv-count -n "__fish_seen_subcommand_from list" -l status -x -a 'open posted cancelled' -d 'counts with this status'
complete -c inv-count -n "__fish_seen_subcommand_from list" -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'counts of this warehouse'

# The count's id: open counts for the verbs that change one.
complete -c inv-count -n "__fish_seen_subcommand_from record post cancel" -a '(inv-count (__bizutils_db) list --status open -f tsv --jq .id 2>/dev/null)'
complete -c inv-count -n "__fish_seen_subcommand_from diff show" -a '(inv-count (__bizutils_db) list -f tsv --jq .id 2>/dev/null)'
