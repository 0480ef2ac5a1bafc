# fish completion for crm-ticket (bizutils): after-sales tickets, targets and statistics.

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

set -l crm_ticket_subcommands open assign reply resolve close reopen list show stats targets

function __crm_ticket_customers
    crm-customer (__bizutils_db) list -f tsv -o id,name 2>/dev/null | tail -n +2
end

function __crm_ticket_handles
    crm-rep (__bizutils_db) list --all -f tsv --jq .handle 2>/dev/null
end

complete -c crm-ticket -f
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a open -d 'open a ticket'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a assign -d 'give a ticket to a rep'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a reply -d 'record a reply'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a resolve -d 'mark a ticket resolved'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a close -d 'close a ticket'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a reopen -d 'open a ticket again'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a list -d 'list tickets'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a show -d 'a ticket and its history'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a stats -d 'figures per period and rep'
complete -c crm-ticket -n "not __fish_seen_subcommand_from $crm_ticket_subcommands" -a targets -d 'the targets per priority'

# Common options
complete -c crm-ticket -l db -r -F -d 'database file'
complete -c crm-ticket -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-ticket -l jq -x -d 'jq program run on each record printed'
complete -c crm-ticket -l where -x -d 'jq predicate records must satisfy'
complete -c crm-ticket -l dry-run -d 'do the work, roll it back'
complete -c crm-ticket -l actor -x -d 'who makes the change'
complete -c crm-ticket -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-ticket -s o -l fields -x -d 'fields to print, in order'
complete -c crm-ticket -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-ticket -l total -d 'total rows in every format'
complete -c crm-ticket -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-ticket -s q -l quiet -d 'no warnings'
complete -c crm-ticket -s h -l help -d 'print the usage'
complete -c crm-ticket -s V -l version -d 'print the version'

# open, list
complete -c crm-ticket -n "__fish_seen_subcommand_from open list" -l customer -x -a '(__crm_ticket_customers)' -d 'the customer'
complete -c crm-ticket -n "__fish_seen_subcommand_from open" -l subject -x -d 'what it is about'
complete -c crm-ticket -n "__fish_seen_subcommand_from open list" -l priority -x -a 'low normal high urgent' -d 'the priority'
complete -c crm-ticket -n "__fish_seen_subcommand_from open" -l channel -x -d 'how it came'
complete -c crm-ticket -n "__fish_seen_subcommand_from open list" -l owner -x -a '(__crm_ticket_handles)' -d 'the rep'
complete -c crm-ticket -n "__fish_seen_subcommand_from open" -l set -x -d 'a custom field'
complete -c crm-ticket -n "__fish_seen_subcommand_from open" -l ref -x -d 'the ticket reference'
complete -c crm-ticket -n "__fish_seen_subcommand_from list" -l status -x -a 'open resolved closed' -d 'only this status'
complete -c crm-ticket -n "__fish_seen_subcommand_from list" -l open -d 'only open tickets'
complete -c crm-ticket -n "__fish_seen_subcommand_from list" -l breached -d 'open tickets past a target'
complete -c crm-ticket -n "__fish_seen_subcommand_from list" -l limit -x -d 'at most N tickets'

# assign ID REP, reply, resolve, reopen, close
complete -c crm-ticket -n "__fish_seen_subcommand_from assign" -a '(__crm_ticket_handles)'
complete -c crm-ticket -n "__fish_seen_subcommand_from reply resolve reopen" -l note -x -d 'kept in the history'
complete -c crm-ticket -n "__fish_seen_subcommand_from close" -l csat -x -a '1 2 3 4 5' -d 'satisfaction'

# stats, targets
complete -c crm-ticket -n "__fish_seen_subcommand_from stats" -l from -x -d 'from date'
complete -c crm-ticket -n "__fish_seen_subcommand_from stats" -l to -x -d 'to date'
complete -c crm-ticket -n "__fish_seen_subcommand_from stats" -l by -x -a 'month day all' -d 'period'
complete -c crm-ticket -n "__fish_seen_subcommand_from stats" -l rep -x -a '(__crm_ticket_handles)' -d 'only this rep'
complete -c crm-ticket -n "__fish_seen_subcommand_from targets" -a 'set low normal high urgent'
complete -c crm-ticket -n "__fish_seen_subcommand_from targets" -l response -x -d 'hours to the first response'
complete -c crm-ticket -n "__fish_seen_subcommand_from targets" -l resolution -x -d 'hours to the resolution'
complete -c crm-ticket -n "__fish_seen_subcommand_from show reply resolve close reopen assign" -f -a '(crm-ticket (__bizutils_db) list -f tsv -o id,subject 2>/dev/null | tail -n +2)'
