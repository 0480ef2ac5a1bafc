# fish completion for ledger-account
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

complete -c ledger-account -f
complete -c ledger-account -n '__fish_use_subcommand' -a add
complete -c ledger-account -n '__fish_use_subcommand' -a list
complete -c ledger-account -n '__fish_use_subcommand' -a set
complete -c ledger-account -l name -x -d 'account name'
complete -c ledger-account -l type -x -a 'asset liability equity income expense' -d 'account or report type'
complete -c ledger-account -l parent -x -a '(ledger-account (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'parent account'
complete -c ledger-account -l control -d 'only documents post to it'
complete -c ledger-account -l no-control -d 'manual postings allowed'
# set CODE: an account that exists.
complete -c ledger-account -n '__fish_seen_subcommand_from set' -a '(ledger-account (__bizutils_db) list -f tsv --jq .code 2>/dev/null)'
complete -c ledger-account -l db -r -F -d 'database file'
complete -c ledger-account -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c ledger-account -l jq -x -d 'jq filter on each record'
complete -c ledger-account -l where -x -d 'jq predicate'
complete -c ledger-account -l dry-run -d 'roll back after printing'
complete -c ledger-account -l actor -x -d 'who acts'
complete -c ledger-account -l input-format -x -a 'csv jsonl json' -d 'input format'
complete -c ledger-account -s o -l fields -x -d 'fields to print, in order'
complete -c ledger-account -l sort -x -d 'sort by fields, -FIELD descending'
complete -c ledger-account -l limit -x -d 'at most N records'
complete -c ledger-account -l total -d 'total rows in every format'
complete -c ledger-account -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c ledger-account -s q -l quiet -d 'no warnings'
complete -c ledger-account -s h -l help -d 'usage'
complete -c ledger-account -s V -l version -d 'version'
