# fish completion for crm-customer (bizutils): manage customers.

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

set -l crm_customer_subcommands add import list show set tag untag

function __crm_customer_ids
    crm-customer (__bizutils_db) list -f tsv -o id,name 2>/dev/null | tail -n +2
end

complete -c crm-customer -f
complete -c crm-customer -n "not __fish_seen_subcommand_from $crm_customer_subcommands" -a add -d 'add or merge a customer'
complete -c crm-customer -n "not __fish_seen_subcommand_from $crm_customer_subcommands" -a import -d 'import customers from CSV or JSON'
complete -c crm-customer -n "not __fish_seen_subcommand_from $crm_customer_subcommands" -a list -d 'list customers'
complete -c crm-customer -n "not __fish_seen_subcommand_from $crm_customer_subcommands" -a show -d 'the 360-degree view of a customer'
complete -c crm-customer -n "not __fish_seen_subcommand_from $crm_customer_subcommands" -a set -d 'change a customer'
complete -c crm-customer -n "not __fish_seen_subcommand_from $crm_customer_subcommands" -a tag -d 'add tags to customers'
complete -c crm-customer -n "not __fish_seen_subcommand_from $crm_customer_subcommands" -a untag -d 'remove tags from customers'

# Common options
complete -c crm-customer -l db -r -F -d 'database file'
complete -c crm-customer -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-customer -l jq -x -d 'jq program run on each record printed'
complete -c crm-customer -l where -x -d 'jq predicate records must satisfy'
complete -c crm-customer -l dry-run -d 'do the work, roll it back'
complete -c crm-customer -l actor -x -d 'who makes the change'
complete -c crm-customer -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-customer -s o -l fields -x -d 'fields to print, in order'
complete -c crm-customer -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-customer -l total -d 'total rows in every format'
complete -c crm-customer -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-customer -s q -l quiet -d 'no warnings'
complete -c crm-customer -s h -l help -d 'print the usage'
complete -c crm-customer -s V -l version -d 'print the version'

# crm-customer add and set
for sub in add set
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l name -x -d 'name'
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l email -x -d 'email address'
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l phone -x -d 'phone number'
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l industry -x -d 'industry'
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l size -x -d 'head count'
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l region -x -d 'region'
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l terms -x -d 'payment terms in days'
    complete -c crm-customer -n "__fish_seen_subcommand_from $sub" -l set -x -d 'a custom field'
end
complete -c crm-customer -n "__fish_seen_subcommand_from add" -l tag -x -a '(crm-customer (__bizutils_db) list -f tsv --jq ".tags[]" 2>/dev/null | sort -u)' -d 'a tag'

# crm-customer import
complete -c crm-customer -n "__fish_seen_subcommand_from import" -l tag -x -a '(crm-customer (__bizutils_db) list -f tsv --jq ".tags[]" 2>/dev/null | sort -u)' -d 'a tag for every record'
complete -c crm-customer -n "__fish_seen_subcommand_from import" -l set -x -d 'a custom field'
complete -c crm-customer -n "__fish_seen_subcommand_from import" -l map -x -d 'read column HEADER as field'
complete -c crm-customer -n "__fish_seen_subcommand_from import" -F

# crm-customer list
complete -c crm-customer -n "__fish_seen_subcommand_from list" -l tag -x -a '(crm-customer (__bizutils_db) list -f tsv --jq ".tags[]" 2>/dev/null | sort -u)' -d 'only customers with this tag'
complete -c crm-customer -n "__fish_seen_subcommand_from list" -l industry -x -d 'only this industry'
complete -c crm-customer -n "__fish_seen_subcommand_from list" -l region -x -d 'only this region'
complete -c crm-customer -n "__fish_seen_subcommand_from list" -l limit -x -d 'at most N customers'

# crm-customer show, set, tag, untag: a customer id
complete -c crm-customer -n "__fish_seen_subcommand_from show set tag untag" -a '(__crm_customer_ids)'
complete -c crm-customer -n "__fish_seen_subcommand_from tag untag" -a '(crm-customer (__bizutils_db) list -f tsv --jq ".tags[]" 2>/dev/null | sort -u)' -d 'tag'
