# fish completion for crm-lead (bizutils): manage leads.

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

set -l crm_lead_subcommands add import list show set convert

function __crm_lead_handles
    crm-rep (__bizutils_db) list --all -f tsv --jq .handle 2>/dev/null
end

complete -c crm-lead -f
complete -c crm-lead -n "not __fish_seen_subcommand_from $crm_lead_subcommands" -a add -d 'add or merge a lead'
complete -c crm-lead -n "not __fish_seen_subcommand_from $crm_lead_subcommands" -a import -d 'import leads from CSV or JSON'
complete -c crm-lead -n "not __fish_seen_subcommand_from $crm_lead_subcommands" -a list -d 'list leads'
complete -c crm-lead -n "not __fish_seen_subcommand_from $crm_lead_subcommands" -a show -d 'show one lead'
complete -c crm-lead -n "not __fish_seen_subcommand_from $crm_lead_subcommands" -a set -d 'change a lead'
complete -c crm-lead -n "not __fish_seen_subcommand_from $crm_lead_subcommands" -a convert -d 'make the lead a customer and a deal'

# Common options
complete -c crm-lead -l db -r -F -d 'database file'
complete -c crm-lead -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-lead -l jq -x -d 'jq program run on each record printed'
complete -c crm-lead -l where -x -d 'jq predicate records must satisfy'
complete -c crm-lead -l dry-run -d 'do the work, roll it back'
complete -c crm-lead -l actor -x -d 'who makes the change'
complete -c crm-lead -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-lead -s o -l fields -x -d 'fields to print, in order'
complete -c crm-lead -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-lead -l total -d 'total rows in every format'
complete -c crm-lead -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-lead -s q -l quiet -d 'no warnings'
complete -c crm-lead -s h -l help -d 'print the usage'
complete -c crm-lead -s V -l version -d 'print the version'

# crm-lead add
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l name -x -d 'full name'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l company -x -d 'company'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l email -x -d 'email address'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l phone -x -d 'phone number'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l source -x -d 'where the lead came from'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l external-id -x -d 'id in the source\'s system'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l region -x -d 'region'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l industry -x -d 'industry'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l size -x -d 'head count'
complete -c crm-lead -n "__fish_seen_subcommand_from add" -l set -x -d 'a custom field'

# crm-lead import
complete -c crm-lead -n "__fish_seen_subcommand_from import" -l set -x -d 'a custom field'
complete -c crm-lead -n "__fish_seen_subcommand_from import" -l map -x -d 'read column HEADER as field'
complete -c crm-lead -n "__fish_seen_subcommand_from import" -F

# crm-lead list
complete -c crm-lead -n "__fish_seen_subcommand_from list" -l status -x -a 'new assigned contacted qualified converted lost' -d 'only this status'
complete -c crm-lead -n "__fish_seen_subcommand_from list" -l owner -x -a '(__crm_lead_handles)' -d 'only this rep\'s leads'
complete -c crm-lead -n "__fish_seen_subcommand_from list" -l unassigned -d 'only leads without owner'
complete -c crm-lead -n "__fish_seen_subcommand_from list" -l unroutable -d 'only leads no rep could take'
complete -c crm-lead -n "__fish_seen_subcommand_from list" -l source -x -d 'only leads from this source'
complete -c crm-lead -n "__fish_seen_subcommand_from list" -l limit -x -d 'at most N leads'

# crm-lead show

# crm-lead set
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l name -x -d 'full name'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l company -x -d 'company'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l email -x -d 'email address'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l phone -x -d 'phone number'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l source -x -d 'where the lead came from'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l external-id -x -d 'id in the source\'s system'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l region -x -d 'region'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l industry -x -d 'industry'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l size -x -d 'head count'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l set -x -d 'a custom field'
complete -c crm-lead -n "__fish_seen_subcommand_from set" -l status -x -a 'new assigned contacted qualified converted lost' -d 'new status'

# crm-lead convert
complete -c crm-lead -n "__fish_seen_subcommand_from convert" -l customer -x -a '(crm-customer (__bizutils_db) list -f tsv --jq .id 2>/dev/null)' -d 'the customer it becomes'
complete -c crm-lead -n "__fish_seen_subcommand_from convert" -l amount -x -d 'the deal\'s amount'
complete -c crm-lead -n "__fish_seen_subcommand_from convert" -l title -x -d 'the deal\'s title'
complete -c crm-lead -n "__fish_seen_subcommand_from convert" -l close -x -d 'the expected close date'
complete -c crm-lead -n "__fish_seen_subcommand_from show set convert" -f -a '(crm-lead (__bizutils_db) list -f tsv -o id,name 2>/dev/null | tail -n +2)'
