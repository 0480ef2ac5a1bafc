# fish completion for inv-item (bizutils): add, import, list, show and change items and variants.

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

set -l inv_item_subcommands add import list show set
complete -c inv-item -f
complete -c inv-item -n "__fish_seen_subcommand_from import" -F
complete -c inv-item -n "__fish_seen_subcommand_from import" -l map -x -d 'read column HEADER as field'
complete -c inv-item -n "__fish_seen_subcommand_from show set" -a "(inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null)" -d 'sku'
complete -c inv-item -n "not __fish_seen_subcommand_from $inv_item_subcommands" -f -a add -d 'add an item'
complete -c inv-item -n "not __fish_seen_subcommand_from $inv_item_subcommands" -f -a import -d 'import items'
complete -c inv-item -n "not __fish_seen_subcommand_from $inv_item_subcommands" -f -a list -d 'list items'
complete -c inv-item -n "not __fish_seen_subcommand_from $inv_item_subcommands" -f -a show -d 'show one item'
complete -c inv-item -n "not __fish_seen_subcommand_from $inv_item_subcommands" -f -a set -d 'change an item'

# Common options
complete -c inv-item -l db -r -F -d 'database file'
complete -c inv-item -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-item -l jq -x -d 'jq program run on each record printed'
complete -c inv-item -l where -x -d 'jq predicate records must satisfy'
complete -c inv-item -l dry-run -d 'do the work, roll it back'
complete -c inv-item -l actor -x -d 'who makes the change'
complete -c inv-item -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-item -s o -l fields -x -d 'fields to print, in order'
complete -c inv-item -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-item -l limit -x -d 'at most N records'
complete -c inv-item -l total -d 'total rows in every format'
complete -c inv-item -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-item -s q -l quiet -d 'no warnings'
complete -c inv-item -s h -l help -d 'print the usage'
complete -c inv-item -s V -l version -d 'print the version'

# Own options
complete -c inv-item -l name -x -d 'the item name'
complete -c inv-item -l unit -x -d 'The unit of measure (default ea)'
complete -c inv-item -l tracking -x -a 'none lot serial' -d 'none, lot or serial tracking'
complete -c inv-item -l costing -x -a 'fifo avco' -d 'how issues are valued'
complete -c inv-item -l barcode -x -d 'A barcode, unique; --scan reads it'
complete -c inv-item -l variant-of -x -a '(inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null)' -d 'the parent item of a variant'
complete -c inv-item -l attr -x -d 'a variant attribute k=v (repeatable)'
complete -c inv-item -l lead-time -x -d 'the supplier lead time in days'
complete -c inv-item -l lead-time-sd -x -d 'Its standard deviation in days'
complete -c inv-item -l service-level -x -d 'the wished probability of not running short'
complete -c inv-item -l min -x -d 'the reorder point'
complete -c inv-item -l max -x -d 'The level a reorder brings stock up to'
complete -c inv-item -l multiple -x -d 'Order quantities are rounded up to a multiple of it'
complete -c inv-item -l supplier -x -a '(inv-supplier (__bizutils_db) list -f tsv --jq .code 2>/dev/null)' -d 'The usual supplier'
complete -c inv-item -l set -x -d 'A custom field (repeatable)'
