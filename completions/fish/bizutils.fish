# fish completion for bizutils: the one program behind every command; the
# command named by its first argument completes as it does on its own.

complete -c bizutils -f
complete -c bizutils -n __fish_use_subcommand -x -a 'biz-check biz-events biz-init crm-assign crm-lead crm-log crm-rep inv-bom inv-build inv-count inv-issue inv-item inv-move inv-qc inv-receive inv-stock inv-warehouse ledger-account ledger-balance ledger-export ledger-post ledger-register'
complete -c bizutils -n __fish_use_subcommand -l list -d 'print the commands'
complete -c bizutils -n __fish_use_subcommand -s h -l help -d 'print the usage'
complete -c bizutils -n __fish_use_subcommand -s V -l version -d 'print the version'
complete -c bizutils -n 'not __fish_use_subcommand' -x -a '(__fish_complete_subcommand)'
