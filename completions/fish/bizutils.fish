# fish completion for bizutils: the one program behind every command; the
# command named by its first argument completes as it does on its own.

complete -c bizutils -f
complete -c bizutils -n __fish_use_subcommand -x -a '(bizutils --list 2>/dev/null)'
complete -c bizutils -n __fish_use_subcommand -l list -d 'print the commands'
complete -c bizutils -n __fish_use_subcommand -s h -l help -d 'print the usage'
complete -c bizutils -n __fish_use_subcommand -s V -l version -d 'print the version'
complete -c bizutils -n 'not __fish_use_subcommand' -x -a '(__fish_complete_subcommand)'
