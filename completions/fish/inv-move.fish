# fish completion for inv-move (bizutils): transfer stock between warehouses at its cost.


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

complete -c inv-move -l db -r -F -d 'database file'
complete -c inv-move -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-move -l jq -x -d 'jq program run on each record printed'
complete -c inv-move -l where -x -d 'jq predicate records must satisfy'
complete -c inv-move -l dry-run -d 'do the work, roll it back'
complete -c inv-move -l actor -x -d 'who makes the change'
complete -c inv-move -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-move -s o -l fields -x -d 'fields to print, in order'
complete -c inv-move -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-move -l limit -x -d 'at most N records'
complete -c inv-move -l total -d 'total rows in every format'
complete -c inv-move -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-move -s q -l quiet -d 'no warnings'
complete -c inv-move -s h -l help -d 'print the usage'
complete -c inv-move -s V -l version -d 'print the version'

# Own options
complete -c inv-move -l from -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'The warehouse the goods leave'
complete -c inv-move -l to -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'The warehouse they enter'
complete -c inv-move -l sku -x -a '(inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null)' -d 'The item'
complete -c inv-move -l qty -x -d 'The quantity, more than zero'
complete -c inv-move -l lot -x -a '(inv-stock (__bizutils_db) --lots -f tsv --jq ".lot // empty" 2>/dev/null | sort -u)' -d 'Only this lot'
complete -c inv-move -l serial -x -d 'a serial to move'
complete -c inv-move -l ref -x -d 'the document reference (a rerun is a no-op)'
complete -c inv-move -l date -x -d 'the document date (default today)'
