# fish completion for crm-log (bizutils): log sales activities and list them.

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

set -l crm_log_subcommands add list

function __crm_log_handles
    crm-rep (__bizutils_db) list -f tsv --jq .handle 2>/dev/null
end

complete -c crm-log -f
complete -c crm-log -n "not __fish_seen_subcommand_from $crm_log_subcommands" -a add -d 'log an activity'
complete -c crm-log -n "not __fish_seen_subcommand_from $crm_log_subcommands" -a list -d 'list activities'

# Common options
complete -c crm-log -l db -r -F -d 'database file'
complete -c crm-log -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-log -l jq -x -d 'jq program run on each record printed'
complete -c crm-log -l where -x -d 'jq predicate records must satisfy'
complete -c crm-log -l dry-run -d 'do the work, roll it back'
complete -c crm-log -l actor -x -d 'who makes the change'
complete -c crm-log -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-log -s o -l fields -x -d 'fields to print, in order'
complete -c crm-log -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-log -l limit -x -d 'at most N records'
complete -c crm-log -l total -d 'total rows in every format'
complete -c crm-log -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-log -s q -l quiet -d 'no warnings'
complete -c crm-log -s h -l help -d 'print the usage'
complete -c crm-log -s V -l version -d 'print the version'

# crm-log add
complete -c crm-log -n "__fish_seen_subcommand_from add" -l kind -x -a 'call visit email meeting quote note' -d 'what the activity was'
complete -c crm-log -n "__fish_seen_subcommand_from add list" -l rep -x -a '(__crm_log_handles)' -d 'the rep'
complete -c crm-log -n "__fish_seen_subcommand_from add list" -l lead -x -a '(crm-lead (__bizutils_db) list -f tsv -o id,name 2>/dev/null | tail -n +2)' -d 'about a lead'
complete -c crm-log -n "__fish_seen_subcommand_from add list" -l customer -x -a '(crm-customer (__bizutils_db) list -f tsv --jq .id 2>/dev/null)' -d 'about a customer'
complete -c crm-log -n "__fish_seen_subcommand_from add list" -l deal -x -a '(crm-deal (__bizutils_db) list -f tsv -o id,title 2>/dev/null | tail -n +2)' -d 'about a deal'
complete -c crm-log -n "__fish_seen_subcommand_from add" -l outcome -x -d 'what came of it'
complete -c crm-log -n "__fish_seen_subcommand_from add" -l minutes -x -d 'how long it took'
complete -c crm-log -n "__fish_seen_subcommand_from add" -l at -x -d 'when it happened'
