# fish completion for ledger-register
complete -c ledger-register -f
complete -c ledger-register -l from -x -d 'first date'
complete -c ledger-register -l to -x -d 'last date'
complete -c ledger-register -l db -r -F -d 'database file'
complete -c ledger-register -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c ledger-register -l jq -x -d 'jq filter on each record'
complete -c ledger-register -l where -x -d 'jq predicate'
complete -c ledger-register -l dry-run -d 'roll back after printing'
complete -c ledger-register -l actor -x -d 'who acts'
complete -c ledger-register -l input-format -x -a 'csv jsonl json' -d 'input format'
complete -c ledger-register -s q -l quiet -d 'no warnings'
complete -c ledger-register -s h -l help -d 'usage'
complete -c ledger-register -s V -l version -d 'version'
