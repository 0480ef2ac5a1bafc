# fish completion for crm-funnel (bizutils): per stage: deals entered, now in it, conversion, days.

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

complete -c crm-funnel -f

# Common options
complete -c crm-funnel -l db -r -F -d 'database file'
complete -c crm-funnel -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-funnel -l jq -x -d 'jq program run on each record printed'
complete -c crm-funnel -l where -x -d 'jq predicate records must satisfy'
complete -c crm-funnel -l dry-run -d 'do the work, roll it back'
complete -c crm-funnel -l actor -x -d 'who makes the change'
complete -c crm-funnel -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-funnel -s o -l fields -x -d 'fields to print, in order'
complete -c crm-funnel -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-funnel -l limit -x -d 'at most N records'
complete -c crm-funnel -l total -d 'total rows in every format'
complete -c crm-funnel -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-funnel -s q -l quiet -d 'no warnings'
complete -c crm-funnel -s h -l help -d 'print the usage'
complete -c crm-funnel -s V -l version -d 'print the version'

# Own options
complete -c crm-funnel -l from -x -d 'from this date'
complete -c crm-funnel -l to -x -d 'up to this date'
complete -c crm-funnel -l owner -x -a '(crm-rep (__bizutils_db) list --all -f tsv --jq .handle 2>/dev/null)' -d 'only this rep\'s deals'
