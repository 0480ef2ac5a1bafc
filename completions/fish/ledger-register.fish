# fish completion for ledger-register
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

complete -c ledger-register -f
# ACCOUNT: the account codes from the database.
complete -c ledger-register -a '(ledger-account (__bizutils_db) list -f tsv --jq .code 2>/dev/null)'
complete -c ledger-register -l from -x -d 'first date'
complete -c ledger-register -l to -x -d 'last date'
complete -c ledger-register -l db -r -F -d 'database file'
complete -c ledger-register -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c ledger-register -l jq -x -d 'jq filter on each record'
complete -c ledger-register -l where -x -d 'jq predicate'
complete -c ledger-register -l dry-run -d 'roll back after printing'
complete -c ledger-register -l actor -x -d 'who acts'
complete -c ledger-register -l input-format -x -a 'csv jsonl json' -d 'input format'
complete -c ledger-register -s o -l fields -x -d 'fields to print, in order'
complete -c ledger-register -l sort -x -d 'sort by fields, -FIELD descending'
complete -c ledger-register -l limit -x -d 'at most N records'
complete -c ledger-register -l total -d 'total rows in every format'
complete -c ledger-register -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c ledger-register -s q -l quiet -d 'no warnings'
complete -c ledger-register -s h -l help -d 'usage'
complete -c ledger-register -s V -l version -d 'version'
