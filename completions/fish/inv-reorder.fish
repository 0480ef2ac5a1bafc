# fish completion for inv-reorder (bizutils): replenishment suggestions.

# Common options
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

complete -c inv-reorder -l db -r -F -d 'database file'
complete -c inv-reorder -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-reorder -l jq -x -d 'jq program run on each record printed'
complete -c inv-reorder -l where -x -d 'jq predicate records must satisfy'
complete -c inv-reorder -l dry-run -d 'do the work, roll it back'
complete -c inv-reorder -l actor -x -d 'who makes the change'
complete -c inv-reorder -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-reorder -s o -l fields -x -d 'fields to print, in order'
complete -c inv-reorder -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-reorder -l limit -x -d 'at most N records'
complete -c inv-reorder -l total -d 'total rows in every format'
complete -c inv-reorder -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-reorder -s q -l quiet -d 'no warnings'
complete -c inv-reorder -s h -l help -d 'print the usage'
complete -c inv-reorder -s V -l version -d 'print the version'

# Own options
complete -c inv-reorder -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'warehouse'
complete -c inv-reorder -l window -x -d 'days of demand'
complete -c inv-reorder -l service-level -x -d 'service level such as 0.95'
complete -c inv-reorder -l create -d 'raise purchase requests'
complete -c inv-reorder -l all -d 'every item, due or not'
