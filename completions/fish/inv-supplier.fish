# fish completion for inv-supplier (bizutils): the suppliers goods are bought from.

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

set -l inv_supplier_subcommands add list show set
complete -c inv-supplier -n "not __fish_seen_subcommand_from $inv_supplier_subcommands" -f -a add -d 'add a supplier'
complete -c inv-supplier -n "not __fish_seen_subcommand_from $inv_supplier_subcommands" -f -a list -d 'list suppliers'
complete -c inv-supplier -n "not __fish_seen_subcommand_from $inv_supplier_subcommands" -f -a show -d 'show a supplier'
complete -c inv-supplier -n "not __fish_seen_subcommand_from $inv_supplier_subcommands" -f -a set -d 'change a supplier'
complete -c inv-supplier -n "__fish_seen_subcommand_from add list" -f
complete -c inv-supplier -n "__fish_seen_subcommand_from show set" -f -a "(inv-supplier (__bizutils_db) list -f tsv --jq .code 2>/dev/null)" -d 'supplier'

# Common options
complete -c inv-supplier -l db -r -F -d 'database file'
complete -c inv-supplier -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-supplier -l jq -x -d 'jq program run on each record printed'
complete -c inv-supplier -l where -x -d 'jq predicate records must satisfy'
complete -c inv-supplier -l dry-run -d 'do the work, roll it back'
complete -c inv-supplier -l actor -x -d 'who makes the change'
complete -c inv-supplier -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-supplier -s o -l fields -x -d 'fields to print, in order'
complete -c inv-supplier -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-supplier -l limit -x -d 'at most N records'
complete -c inv-supplier -l total -d 'total rows in every format'
complete -c inv-supplier -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-supplier -s q -l quiet -d 'no warnings'
complete -c inv-supplier -s h -l help -d 'print the usage'
complete -c inv-supplier -s V -l version -d 'print the version'

# Own options
complete -c inv-supplier -l name -x -d 'the suppliers name'
complete -c inv-supplier -l email -x -d 'email address'
complete -c inv-supplier -l lead-time -x -d 'lead time in days'
complete -c inv-supplier -l lead-time-sd -x -d 'lead time deviation in days'
complete -c inv-supplier -l terms -x -d 'payment terms in days'
