# fish completion for biz-config (bizutils): settings kept in the database.

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

set -l biz_config_subcommands get set unset list
complete -c biz-config -n "not __fish_seen_subcommand_from $biz_config_subcommands" -f -a get -d 'print a setting'
complete -c biz-config -n "not __fish_seen_subcommand_from $biz_config_subcommands" -f -a set -d 'change a setting'
complete -c biz-config -n "not __fish_seen_subcommand_from $biz_config_subcommands" -f -a unset -d 'back to the default'
complete -c biz-config -n "not __fish_seen_subcommand_from $biz_config_subcommands" -f -a list -d 'every setting'

# Common options
complete -c biz-config -l db -r -F -d 'database file'
complete -c biz-config -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c biz-config -l jq -x -d 'jq program run on each record printed'
complete -c biz-config -l where -x -d 'jq predicate records must satisfy'
complete -c biz-config -l dry-run -d 'do the work, roll it back'
complete -c biz-config -l actor -x -d 'who makes the change'
complete -c biz-config -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c biz-config -s o -l fields -x -d 'fields to print, in order'
complete -c biz-config -l sort -x -d 'sort by fields, -FIELD descending'
complete -c biz-config -l limit -x -d 'at most N records'
complete -c biz-config -l total -d 'total rows in every format'
complete -c biz-config -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c biz-config -s q -l quiet -d 'no warnings'
complete -c biz-config -s h -l help -d 'print the usage'
complete -c biz-config -s V -l version -d 'print the version'

# Own options

# get, set and unset KEY: the setting keys.
function __biz_config_keys
    biz-config (__bizutils_db) list -f tsv -o key,description 2>/dev/null | tail -n +2
end
complete -c biz-config -n "__fish_seen_subcommand_from get set unset" -f -a '(__biz_config_keys)'
