# fish completion for crm-order (bizutils): sales orders from creation to payment.

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

set -l crm_order_subcommands create confirm ship invoice pay return cancel list show

complete -c crm-order -f
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a create -d 'create orders'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a confirm -d 'reserve the stock'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a ship -d 'issue reserved stock'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a invoice -d 'bill what is shipped'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a pay -d 'receive a payment'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a return -d 'take goods back'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a cancel -d 'cancel an order'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a list -d 'list orders'
complete -c crm-order -n "not __fish_seen_subcommand_from $crm_order_subcommands" -a show -d 'show one order'

# Common options
complete -c crm-order -l db -r -F -d 'database file'
complete -c crm-order -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c crm-order -l jq -x -d 'jq program run on each record printed'
complete -c crm-order -l where -x -d 'jq predicate records must satisfy'
complete -c crm-order -l dry-run -d 'do the work, roll it back'
complete -c crm-order -l actor -x -d 'who makes the change'
complete -c crm-order -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c crm-order -s o -l fields -x -d 'fields to print, in order'
complete -c crm-order -l sort -x -d 'sort by fields, -FIELD descending'
complete -c crm-order -l total -d 'total rows in every format'
complete -c crm-order -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c crm-order -s q -l quiet -d 'no warnings'
complete -c crm-order -s h -l help -d 'print the usage'
complete -c crm-order -s V -l version -d 'print the version'

complete -c crm-order -n "__fish_seen_subcommand_from create" -l customer -x -a '(crm-customer (__bizutils_db) list -f tsv --jq .id 2>/dev/null)' -d 'the customer id'
complete -c crm-order -n "__fish_seen_subcommand_from create ship return" -l line -x -d 'SKU:QTY[:PRICE]'
complete -c crm-order -n "__fish_seen_subcommand_from create" -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'warehouse'
complete -c crm-order -n "__fish_seen_subcommand_from create" -l tax -x -d 'tax rate in percent'
complete -c crm-order -n "__fish_seen_subcommand_from create pay return" -l ref -x -d 'document reference'
complete -c crm-order -n "__fish_seen_subcommand_from create ship invoice pay return" -l date -x -d 'business date'
complete -c crm-order -n "__fish_seen_subcommand_from create confirm ship invoice pay cancel" -F
# ID: the order ids from the database.
complete -c crm-order -n "__fish_seen_subcommand_from confirm ship invoice pay return cancel show" -a '(crm-order (__bizutils_db) list -f tsv --jq .id 2>/dev/null)'
complete -c crm-order -n "__fish_seen_subcommand_from confirm" -l partial -d 'reserve what there is'
complete -c crm-order -n "__fish_seen_subcommand_from ship return" -l serial -x -d 'a serial to ship or take back'
complete -c crm-order -n "__fish_seen_subcommand_from pay" -l amount -x -d 'the payment'
complete -c crm-order -n "__fish_seen_subcommand_from list" -l status -x -a 'draft confirmed partially_reserved backordered partially_shipped shipped invoiced paid cancelled' -d 'only this status'
complete -c crm-order -n "__fish_seen_subcommand_from list" -l customer -x -a '(crm-customer (__bizutils_db) list -f tsv --jq .id 2>/dev/null)' -d 'only this customer'
complete -c crm-order -n "__fish_seen_subcommand_from list" -l limit -x -d 'at most N orders'
