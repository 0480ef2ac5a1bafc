# fish completion for crm-deal (bizutils): deals and the stages they move through.

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

set -l crm_deal_subcommands add list show move won lost stages

function __crm_deal_stages
    set -l stages (crm-deal (__bizutils_db) stages -f tsv --jq .name 2>/dev/null)
    test -n "$stages"; or set stages new qualified proposal negotiation won lost
    printf '%s\n' $stages
end

function __crm_deal_customers
    crm-customer (__bizutils_db) list -f tsv -o id,name 2>/dev/null | tail -n +2
end

function __crm_deal_handles
    crm-rep (__bizutils_db) list --all -f tsv --jq .handle 2>/dev/null
end

complete -c crm-deal -f
complete -c crm-deal -n "not __fish_seen_subcommand_from $crm_deal_subcommands" -a add -d 'open a deal'
complete -c crm-deal -n "not __fish_seen_subcommand_from $crm_deal_subcommands" -a list -d 'list deals'
complete -c crm-deal -n "not __fish_seen_subcommand_from $crm_deal_subcommands" -a show -d 'a deal and its history'
complete -c crm-deal -n "not __fish_seen_subcommand_from $crm_deal_subcommands" -a move -d 'move a deal to a stage'
complete -c crm-deal -n "not __fish_seen_subcommand_from $crm_deal_subcommands" -a won -d 'close a deal as won'
complete -c crm-deal -n "not __fish_seen_subcommand_from $crm_deal_subcommands" -a lost -d 'close a deal as lost'
complete -c crm-deal -n "not __fish_seen_subcommand_from $crm_deal_subcommands" -a stages -d 'list or set the stages'

# Common options
complete -c crm-deal -l db -r -F -d 'database file'
complete -c crm-deal -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-deal -l jq -x -d 'jq program run on each record printed'
complete -c crm-deal -l where -x -d 'jq predicate records must satisfy'
complete -c crm-deal -l dry-run -d 'do the work, roll it back'
complete -c crm-deal -l actor -x -d 'who makes the change'
complete -c crm-deal -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-deal -s o -l fields -x -d 'fields to print, in order'
complete -c crm-deal -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-deal -l total -d 'total rows in every format'
complete -c crm-deal -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-deal -s q -l quiet -d 'no warnings'
complete -c crm-deal -s h -l help -d 'print the usage'
complete -c crm-deal -s V -l version -d 'print the version'

# crm-deal add
complete -c crm-deal -n "__fish_seen_subcommand_from add list" -l customer -x -a '(__crm_deal_customers)' -d 'the customer'
complete -c crm-deal -n "__fish_seen_subcommand_from add" -l title -x -d 'what is sold'
complete -c crm-deal -n "__fish_seen_subcommand_from add" -l amount -x -d 'the amount'
complete -c crm-deal -n "__fish_seen_subcommand_from add list" -l stage -x -a '(__crm_deal_stages)' -d 'the stage'
complete -c crm-deal -n "__fish_seen_subcommand_from add" -l close -x -d 'expected close date'
complete -c crm-deal -n "__fish_seen_subcommand_from add list" -l owner -x -a '(__crm_deal_handles)' -d 'the rep'
complete -c crm-deal -n "__fish_seen_subcommand_from add" -l set -x -d 'a custom field'

# crm-deal list
complete -c crm-deal -n "__fish_seen_subcommand_from list" -l open -d 'only deals in an open stage'
complete -c crm-deal -n "__fish_seen_subcommand_from list" -l limit -x -d 'at most N deals'

# crm-deal move ID STAGE, lost, stages set NAME
complete -c crm-deal -n "__fish_seen_subcommand_from move" -a '(__crm_deal_stages)'
complete -c crm-deal -n "__fish_seen_subcommand_from lost" -l reason -x -d 'why it was lost'
complete -c crm-deal -n "__fish_seen_subcommand_from stages" -a 'set (__crm_deal_stages)'
complete -c crm-deal -n "__fish_seen_subcommand_from stages" -l probability -x -d 'percent'
complete -c crm-deal -n "__fish_seen_subcommand_from stages" -l order -x -d 'its place from 1'
complete -c crm-deal -n "__fish_seen_subcommand_from show won lost move" -f -a '(crm-deal (__bizutils_db) list -f tsv -o id,title 2>/dev/null | tail -n +2)'
