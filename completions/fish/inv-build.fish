# fish completion for inv-build (bizutils): make products from their components, at their cost.

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

complete -c inv-build -l db -r -F -d 'database file'
complete -c inv-build -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-build -l jq -x -d 'jq program run on each record printed'
complete -c inv-build -l where -x -d 'jq predicate records must satisfy'
complete -c inv-build -l dry-run -d 'do the work, roll it back'
complete -c inv-build -l actor -x -d 'who makes the change'
complete -c inv-build -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-build -s o -l fields -x -d 'fields to print, in order'
complete -c inv-build -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-build -l limit -x -d 'at most N records'
complete -c inv-build -l total -d 'total rows in every format'
complete -c inv-build -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-build -s q -l quiet -d 'no warnings'
complete -c inv-build -s h -l help -d 'print the usage'
complete -c inv-build -s V -l version -d 'print the version'

# Own options
complete -c inv-build -f
complete -c inv-build -l sku -x -a '(inv-bom (__bizutils_db) list -f tsv --jq .product 2>/dev/null | sort -u)' -d 'the product to make'
complete -c inv-build -l qty -x -d 'how many'
complete -c inv-build -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'the warehouse'
complete -c inv-build -l lot -x -d 'the lot of a lot-tracked product'
complete -c inv-build -l serial -x -d 'a serial of a serial-tracked product'
complete -c inv-build -l ref -x -d 'the build reference; a rerun is a no-op'
complete -c inv-build -l date -x -d 'the business date, YYYY-MM-DD'
complete -c inv-build -l explode -d 'build missing sub-assemblies first'
