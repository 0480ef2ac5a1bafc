# fish completion for inv-bom (bizutils): bills of materials.

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

set -l inv_bom_subcommands add list show remove

function __inv_bom_skus
    inv-item (__bizutils_db) list -f tsv --jq .sku 2>/dev/null
end

complete -c inv-bom -f
complete -c inv-bom -n "not __fish_seen_subcommand_from $inv_bom_subcommands" -a add -d 'set a component of a product'
complete -c inv-bom -n "not __fish_seen_subcommand_from $inv_bom_subcommands" -a list -d 'list bill lines'
complete -c inv-bom -n "not __fish_seen_subcommand_from $inv_bom_subcommands" -a show -d 'a bill exploded to every level'
complete -c inv-bom -n "not __fish_seen_subcommand_from $inv_bom_subcommands" -a remove -d 'remove a component from a product'
complete -c inv-bom -n "__fish_seen_subcommand_from $inv_bom_subcommands" -a '(__inv_bom_skus)'

# Common options
complete -c inv-bom -l db -r -F -d 'database file'
complete -c inv-bom -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-bom -l jq -x -d 'jq program run on each record printed'
complete -c inv-bom -l where -x -d 'jq predicate records must satisfy'
complete -c inv-bom -l dry-run -d 'do the work, roll it back'
complete -c inv-bom -l actor -x -d 'who makes the change'
complete -c inv-bom -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-bom -s o -l fields -x -d 'fields to print, in order'
complete -c inv-bom -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-bom -l limit -x -d 'at most N records'
complete -c inv-bom -l total -d 'total rows in every format'
complete -c inv-bom -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-bom -s q -l quiet -d 'no warnings'
complete -c inv-bom -s h -l help -d 'print the usage'
complete -c inv-bom -s V -l version -d 'print the version'

