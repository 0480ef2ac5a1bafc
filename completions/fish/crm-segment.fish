# fish completion for crm-segment (bizutils): customers for a campaign, with RFM scores.

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

complete -c crm-segment -f

# Common options
complete -c crm-segment -l db -r -F -d 'database file'
complete -c crm-segment -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-segment -l jq -x -d 'jq program run on each record printed'
complete -c crm-segment -l where -x -d 'jq predicate records must satisfy'
complete -c crm-segment -l dry-run -d 'do the work, roll it back'
complete -c crm-segment -l actor -x -d 'who makes the change'
complete -c crm-segment -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-segment -s o -l fields -x -d 'fields to print, in order'
complete -c crm-segment -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-segment -l total -d 'total rows in every format'
complete -c crm-segment -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-segment -s q -l quiet -d 'no warnings'
complete -c crm-segment -s h -l help -d 'print the usage'
complete -c crm-segment -s V -l version -d 'print the version'

complete -c crm-segment -l tag -x -a '(crm-customer (__bizutils_db) list -f tsv --jq ".tags[]" 2>/dev/null | sort -u)' -d 'customers with every tag given'
complete -c crm-segment -l industry -x -d 'only this industry'
complete -c crm-segment -l region -x -d 'only this region'
complete -c crm-segment -l min-revenue -x -d 'lifetime revenue at least'
complete -c crm-segment -l since -x -d 'bought on or after'
complete -c crm-segment -l rfm -d 'add recency, frequency and monetary scores'
complete -c crm-segment -l window -x -d 'days of frequency and monetary'
complete -c crm-segment -l limit -x -d 'at most N customers'
