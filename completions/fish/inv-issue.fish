# fish completion for inv-issue (bizutils): issue goods from a warehouse at their cost.


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

complete -c inv-issue -l db -r -F -d 'database file'
complete -c inv-issue -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-issue -l jq -x -d 'jq program run on each record printed'
complete -c inv-issue -l where -x -d 'jq predicate records must satisfy'
complete -c inv-issue -l dry-run -d 'do the work, roll it back'
complete -c inv-issue -l actor -x -d 'who makes the change'
complete -c inv-issue -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-issue -s o -l fields -x -d 'fields to print, in order'
complete -c inv-issue -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-issue -l limit -x -d 'at most N records'
complete -c inv-issue -l total -d 'total rows in every format'
complete -c inv-issue -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-issue -s q -l quiet -d 'no warnings'
complete -c inv-issue -s h -l help -d 'print the usage'
complete -c inv-issue -s V -l version -d 'print the version'

# Own options
complete -c inv-issue -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'The warehouse issuing (required)'
complete -c inv-issue -l sku -x -a '(inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null)' -d 'The item of a one-line issue'
complete -c inv-issue -l qty -x -d 'Its quantity, more than zero'
complete -c inv-issue -l scan -d 'read barcodes or SKUs from standard input'
complete -c inv-issue -l reason -x -a 'sale production scrap sample' -d 'why the goods go (default sale)'
complete -c inv-issue -l lot -x -a '(inv-stock (__bizutils_db) --lots -f tsv --jq ".lot // empty" 2>/dev/null | sort -u)' -d 'Only this lot'
complete -c inv-issue -l serial -x -d 'A serial number to issue (repeatable)'
complete -c inv-issue -l order -x -a '(crm-order (__bizutils_db) list -f tsv --jq .id 2>/dev/null)' -d 'The sales or production order, kept with the document'
complete -c inv-issue -l ref -x -d 'the document reference (a rerun is a no-op)'
complete -c inv-issue -l date -x -d 'the document date (default today)'
