# fish completion for crm-rep (bizutils): manage sales reps.

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

set -l crm_rep_subcommands add set list show deactivate

function __crm_rep_handles
    crm-rep (__bizutils_db) list --all -f tsv --jq .handle 2>/dev/null
end

complete -c crm-rep -f
complete -c crm-rep -n "not __fish_seen_subcommand_from $crm_rep_subcommands" -a add -d 'add a rep'
complete -c crm-rep -n "not __fish_seen_subcommand_from $crm_rep_subcommands" -a set -d 'change a rep'
complete -c crm-rep -n "not __fish_seen_subcommand_from $crm_rep_subcommands" -a list -d 'list reps'
complete -c crm-rep -n "not __fish_seen_subcommand_from $crm_rep_subcommands" -a show -d 'show one rep'
complete -c crm-rep -n "not __fish_seen_subcommand_from $crm_rep_subcommands" -a deactivate -d 'deactivate a rep'

# Common options
complete -c crm-rep -l db -r -F -d 'database file'
complete -c crm-rep -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-rep -l jq -x -d 'jq program run on each record printed'
complete -c crm-rep -l where -x -d 'jq predicate records must satisfy'
complete -c crm-rep -l dry-run -d 'do the work, roll it back'
complete -c crm-rep -l actor -x -d 'who makes the change'
complete -c crm-rep -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-rep -s o -l fields -x -d 'fields to print, in order'
complete -c crm-rep -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-rep -l limit -x -d 'at most N records'
complete -c crm-rep -l total -d 'total rows in every format'
complete -c crm-rep -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-rep -s q -l quiet -d 'no warnings'
complete -c crm-rep -s h -l help -d 'print the usage'
complete -c crm-rep -s V -l version -d 'print the version'

# crm-rep add
complete -c crm-rep -n "__fish_seen_subcommand_from add" -l name -x -d 'full name'
complete -c crm-rep -n "__fish_seen_subcommand_from add" -l email -x -d 'email address'
complete -c crm-rep -n "__fish_seen_subcommand_from add" -l region -x -d 'regions covered'
complete -c crm-rep -n "__fish_seen_subcommand_from add" -l industry -x -d 'industries covered'
complete -c crm-rep -n "__fish_seen_subcommand_from add" -l capacity -x -d 'most open leads'
complete -c crm-rep -n "__fish_seen_subcommand_from add" -l weight -x -d 'share in weighted distribution'
complete -c crm-rep -n "__fish_seen_subcommand_from add" -l team -x -d 'team'

# crm-rep set
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l name -x -d 'full name'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l email -x -d 'email address'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l region -x -d 'regions covered'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l industry -x -d 'industries covered'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l capacity -x -d 'most open leads'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l weight -x -d 'share in weighted distribution'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l team -x -d 'team'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -l active -d 'make the rep active again'
complete -c crm-rep -n "__fish_seen_subcommand_from set" -a '(__crm_rep_handles)'

# crm-rep list
complete -c crm-rep -n "__fish_seen_subcommand_from list" -l all -d 'inactive reps too'

# crm-rep show
complete -c crm-rep -n "__fish_seen_subcommand_from show" -a '(__crm_rep_handles)'

# crm-rep deactivate
complete -c crm-rep -n "__fish_seen_subcommand_from deactivate" -a '(__crm_rep_handles)'
