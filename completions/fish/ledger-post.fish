# fish completion for ledger-post
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

complete -c ledger-post -f
# ACCOUNT=AMOUNT: an account code and its =, then the amount.
function __ledger_post_accounts
    for code in (ledger-account (__bizutils_db) list -f tsv --jq .code 2>/dev/null)
        echo $code=
    end
end
complete -c ledger-post -n 'not string match -q "*=*" -- (commandline -ct)' -a '(__ledger_post_accounts)'
complete -c ledger-post -l date -x -d 'business date YYYY-MM-DD'
complete -c ledger-post -l memo -x -d 'what the entry is for'
complete -c ledger-post -l ref -x -d 'document reference (idempotent)'
# --reverse ID: the entries that are neither reversed nor a reversal.
function __ledger_post_entries
    biz-events (__bizutils_db) --since 90d --kind ledger.posted -f tsv --jq '"\(.entity_id) \(.data.reverses // 0) \(.data.memo)"' 2>/dev/null |
        awk '$2 != 0 { r[$1]; r[$2]; next } { id[++n] = $1; m[$1] = substr($0, length($1) + length($2) + 3) }
    END { for (i = 1; i <= n; i++) if (!(id[i] in r)) print id[i] "\t" m[id[i]] }'
end
complete -c ledger-post -l reverse -x -a '(__ledger_post_entries)' -d 'reverse entry ID'
complete -c ledger-post -l db -r -F -d 'database file'
complete -c ledger-post -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c ledger-post -l jq -x -d 'jq filter on each record'
complete -c ledger-post -l where -x -d 'jq predicate'
complete -c ledger-post -l dry-run -d 'roll back after printing'
complete -c ledger-post -l actor -x -d 'who acts'
complete -c ledger-post -l input-format -x -a 'csv jsonl json' -d 'input format'
complete -c ledger-post -s o -l fields -x -d 'fields to print, in order'
complete -c ledger-post -l sort -x -d 'sort by fields, -FIELD descending'
complete -c ledger-post -l limit -x -d 'at most N records'
complete -c ledger-post -l total -d 'total rows in every format'
complete -c ledger-post -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c ledger-post -s q -l quiet -d 'no warnings'
complete -c ledger-post -s h -l help -d 'usage'
complete -c ledger-post -s V -l version -d 'version'
complete -c ledger-post -F -d 'entries file'
