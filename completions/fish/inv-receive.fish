# fish completion for inv-receive (bizutils): receive goods into a warehouse at their cost.


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

complete -c inv-receive -l db -r -F -d 'database file'
complete -c inv-receive -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-receive -l jq -x -d 'jq program run on each record printed'
complete -c inv-receive -l where -x -d 'jq predicate records must satisfy'
complete -c inv-receive -l dry-run -d 'do the work, roll it back'
complete -c inv-receive -l actor -x -d 'who makes the change'
complete -c inv-receive -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-receive -s o -l fields -x -d 'fields to print, in order'
complete -c inv-receive -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-receive -l limit -x -d 'at most N records'
complete -c inv-receive -l total -d 'total rows in every format'
complete -c inv-receive -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-receive -s q -l quiet -d 'no warnings'
complete -c inv-receive -s h -l help -d 'print the usage'
complete -c inv-receive -s V -l version -d 'print the version'

# Own options
complete -c inv-receive -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'The warehouse receiving (required)'
complete -c inv-receive -l sku -x -a '(inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null)' -d 'The item of a one-line receipt'
complete -c inv-receive -l qty -x -d 'its quantity, more than zero'
complete -c inv-receive -l cost -x -d 'The unit cost (required with --sku and --scan)'
complete -c inv-receive -l scan -d 'read barcodes or SKUs from standard input'
complete -c inv-receive -l lot -x -d 'The lot of a lot-tracked item'
complete -c inv-receive -l expiry -x -d 'the lot expiry date (a month: its last day)'
complete -c inv-receive -l serial -x -d 'A serial number (repeatable)'
complete -c inv-receive -l po -x -a '(inv-purchase (__bizutils_db) list -f tsv -o id,supplier 2>/dev/null | tail -n +2)' -d 'the purchase order'
complete -c inv-receive -l ref -x -d 'the document reference (a rerun is a no-op)'
complete -c inv-receive -l hold -d 'Into quarantine until inv-qc'
complete -c inv-receive -l date -x -d 'the document date (default today)'
