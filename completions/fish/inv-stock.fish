# fish completion for inv-stock (bizutils): stock on hand, available and its value.


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

complete -c inv-stock -l db -r -F -d 'database file'
complete -c inv-stock -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-stock -l jq -x -d 'jq program run on each record printed'
complete -c inv-stock -l where -x -d 'jq predicate records must satisfy'
complete -c inv-stock -l dry-run -d 'do the work, roll it back'
complete -c inv-stock -l actor -x -d 'who makes the change'
complete -c inv-stock -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-stock -s o -l fields -x -d 'fields to print, in order'
complete -c inv-stock -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-stock -l limit -x -d 'at most N records'
complete -c inv-stock -l total -d 'total rows in every format'
complete -c inv-stock -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-stock -s q -l quiet -d 'no warnings'
complete -c inv-stock -s h -l help -d 'print the usage'
complete -c inv-stock -s V -l version -d 'print the version'

# Own options
complete -c inv-stock -l sku -x -a '(inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null)' -d 'Only this item'
complete -c inv-stock -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'Only this warehouse'
complete -c inv-stock -l lots -d 'one row per lot, with its expiry'
complete -c inv-stock -l at -x -d 'The stock at the end of DATE, from the moves'
complete -c inv-stock -l below-reorder -d 'items due for reorder, by inv-reorders figures'
complete -c inv-stock -l all -d 'rows with nothing on hand, reserved or on order too'
