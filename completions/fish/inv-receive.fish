# fish completion for inv-receive (bizutils): receive goods into a warehouse at their cost.


# Common options
complete -c inv-receive -l db -r -F -d 'database file'
complete -c inv-receive -s f -l format -x -a 'json jsonl csv tsv table' -d 'output format'
complete -c inv-receive -l jq -x -d 'jq program run on each record printed'
complete -c inv-receive -l where -x -d 'jq predicate records must satisfy'
complete -c inv-receive -l dry-run -d 'do the work, roll it back'
complete -c inv-receive -l actor -x -d 'who makes the change'
complete -c inv-receive -l input-format -x -a 'csv jsonl json' -d 'format of records read'
complete -c inv-receive -s o -l fields -x -d 'fields to print, in order'
complete -c inv-receive -l sort -x -d 'sort by fields, -FIELD descending'
complete -c inv-receive -l limit -x -d 'at most N records'
complete -c inv-receive -l total -d 'total rows in every format'
complete -c inv-receive -l errors -x -a 'text json' -d 'how the error line is printed'
complete -c inv-receive -s q -l quiet -d 'no warnings'
complete -c inv-receive -s h -l help -d 'print the usage'
complete -c inv-receive -s V -l version -d 'print the version'

# Own options
complete -c inv-receive -l wh -x -a '(inv-warehouse list -f tsv --jq .code 2>/dev/null)' -d 'The warehouse receiving (required)'
complete -c inv-receive -l sku -x -a '(inv-item list -f tsv --jq .sku 2>/dev/null)' -d 'The item of a one-line receipt'
complete -c inv-receive -l qty -x -d 'its quantity, more than zero'
complete -c inv-receive -l cost -x -d 'The unit cost (required with --sku and --scan)'
complete -c inv-receive -l scan -d 'read barcodes or SKUs from standard input'
complete -c inv-receive -l lot -x -d 'The lot of a lot-tracked item'
complete -c inv-receive -l expiry -x -d 'the lot expiry date (a month: its last day)'
complete -c inv-receive -l serial -x -d 'A serial number (repeatable)'
complete -c inv-receive -l po -x -a '(inv-purchase list -f tsv -o id,supplier 2>/dev/null | tail -n +2)' -d 'the purchase order'
complete -c inv-receive -l ref -x -d 'the document reference (a rerun is a no-op)'
complete -c inv-receive -l hold -d 'Into quarantine until inv-qc'
complete -c inv-receive -l date -x -d 'the document date (default today)'
