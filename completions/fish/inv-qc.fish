# fish completion for inv-qc (bizutils): pass or fail a receipt held in quarantine.

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

complete -c inv-qc -f
set -l inv_qc_subcommands pass fail
complete -c inv-qc -n "not __fish_seen_subcommand_from $inv_qc_subcommands" -f -a pass -d 'release a held receipt'
complete -c inv-qc -n "not __fish_seen_subcommand_from $inv_qc_subcommands" -f -a fail -d 'return a held receipt'

# Common options
complete -c inv-qc -l db -r -F -d 'database file'
complete -c inv-qc -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-qc -l jq -x -d 'jq program run on each record printed'
complete -c inv-qc -l where -x -d 'jq predicate records must satisfy'
complete -c inv-qc -l dry-run -d 'do the work, roll it back'
complete -c inv-qc -l actor -x -d 'who makes the change'
complete -c inv-qc -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-qc -s o -l fields -x -d 'fields to print, in order'
complete -c inv-qc -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-qc -l limit -x -d 'at most N records'
complete -c inv-qc -l total -d 'total rows in every format'
complete -c inv-qc -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-qc -s q -l quiet -d 'no warnings'
complete -c inv-qc -s h -l help -d 'print the usage'
complete -c inv-qc -s V -l version -d 'print the version'

# Own options
complete -c inv-qc -l date -x -d 'the document date (default today)'

# REF: a receipt with goods still in quarantine, from the stock events
# (what each ref put into quarantine and took out, added up).
function __inv_qc_held
    biz-events (__bizutils_db) --since 90d --kind stock. -f tsv --jq 'select(.data.ref != null and (.data.quarantine // 0) != 0) | "\(.data.quarantine) \(.data.ref)"' 2>/dev/null |
        awk '{ q[substr($0, length($1) + 2)] += $1 } END { for (r in q) if (q[r] > 0) print r }'
end
complete -c inv-qc -n "__fish_seen_subcommand_from pass fail" -f -a '(__inv_qc_held)' -d 'held receipt'
