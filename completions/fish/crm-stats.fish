# fish completion for crm-stats (bizutils): per rep: activities, leads, first contact, deals won.

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

complete -c crm-stats -f

# Common options
complete -c crm-stats -l db -r -F -d 'database file'
complete -c crm-stats -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-stats -l jq -x -d 'jq program run on each record printed'
complete -c crm-stats -l where -x -d 'jq predicate records must satisfy'
complete -c crm-stats -l dry-run -d 'do the work, roll it back'
complete -c crm-stats -l actor -x -d 'who makes the change'
complete -c crm-stats -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-stats -s o -l fields -x -d 'fields to print, in order'
complete -c crm-stats -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-stats -l limit -x -d 'at most N records'
complete -c crm-stats -l total -d 'total rows in every format'
complete -c crm-stats -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-stats -s q -l quiet -d 'no warnings'
complete -c crm-stats -s h -l help -d 'print the usage'
complete -c crm-stats -s V -l version -d 'print the version'

# Own options
complete -c crm-stats -l from -x -d 'from this date'
complete -c crm-stats -l to -x -d 'up to this date'
complete -c crm-stats -l rep -x -a '(crm-rep (__bizutils_db) list --all -f tsv --jq .handle 2>/dev/null)' -d 'only this rep'
