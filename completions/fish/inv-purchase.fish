# fish completion for inv-purchase (bizutils): procure to pay.

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

set -l inv_purchase_subcommands request approve order receive bill pay cancel list show
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a request -d 'raise a purchase request'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a approve -d 'approve a request'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a order -d 'order an approved purchase'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a receive -d 'receive goods'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a bill -d 'record the suppliers bill'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a pay -d 'pay the bills'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a cancel -d 'cancel what is not received'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a list -d 'list purchases'
complete -c inv-purchase -n "not __fish_seen_subcommand_from $inv_purchase_subcommands" -f -a show -d 'show a purchase'

# Common options
complete -c inv-purchase -l db -r -F -d 'database file'
complete -c inv-purchase -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-purchase -l jq -x -d 'jq program run on each record printed'
complete -c inv-purchase -l where -x -d 'jq predicate records must satisfy'
complete -c inv-purchase -l dry-run -d 'do the work, roll it back'
complete -c inv-purchase -l actor -x -d 'who makes the change'
complete -c inv-purchase -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-purchase -s o -l fields -x -d 'fields to print, in order'
complete -c inv-purchase -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-purchase -l limit -x -d 'at most N records'
complete -c inv-purchase -l total -d 'total rows in every format'
complete -c inv-purchase -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-purchase -s q -l quiet -d 'no warnings'
complete -c inv-purchase -s h -l help -d 'print the usage'
complete -c inv-purchase -s V -l version -d 'print the version'

# Own options
complete -c inv-purchase -l supplier -x -a '(inv-supplier (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'supplier code'
complete -c inv-purchase -l line -x -d 'SKU:QTY[:PRICE]'
complete -c inv-purchase -l wh -x -a '(inv-warehouse (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'warehouse'
complete -c inv-purchase -l ref -x -d 'document reference'
complete -c inv-purchase -l date -x -d 'document date'
complete -c inv-purchase -l hold -d 'receive into quarantine'
complete -c inv-purchase -l lot -x -d 'lot of the goods received'
complete -c inv-purchase -l expiry -x -d 'expiry of the lot'
complete -c inv-purchase -l serial -x -d 'serial number received'
complete -c inv-purchase -l amount -x -d 'amount billed or paid'
complete -c inv-purchase -l status -x -a 'requested approved ordered partial received billed paid cancelled' -d 'purchase status'
complete -c inv-purchase -n "__fish_seen_subcommand_from approve order receive bill pay cancel show" -f -a '(inv-purchase (__bizutils_db) list -f tsv -o id,supplier 2>/dev/null | tail -n +2)'
