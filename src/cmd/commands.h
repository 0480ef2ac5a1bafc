/*
 * commands.h - every command, by name and function.
 *
 * The commands are one program, bin/bizutils, and bin/NAME are links to
 * it: it runs the command it was called by (bizutils.c).  One program
 * carries one copy of SQLite, linked in statically, which saves each run
 * the dynamic linking of libsqlite3 (bench/README.md).  A new command is
 * a file src/cmd/NAME.c defining cmd_NAME, and its line here.
 */
#ifndef BIZ_COMMANDS_H
#define BIZ_COMMANDS_H

#define BIZ_COMMANDS(X) \
	X("biz-backup", cmd_biz_backup) \
	X("biz-check", cmd_biz_check) \
	X("biz-config", cmd_biz_config) \
	X("biz-events", cmd_biz_events) \
	X("biz-export", cmd_biz_export) \
	X("biz-import", cmd_biz_import) \
	X("biz-init", cmd_biz_init) \
	X("crm-assign", cmd_crm_assign) \
	X("crm-customer", cmd_crm_customer) \
	X("crm-deal", cmd_crm_deal) \
	X("crm-forecast", cmd_crm_forecast) \
	X("crm-funnel", cmd_crm_funnel) \
	X("crm-lead", cmd_crm_lead) \
	X("crm-log", cmd_crm_log) \
	X("crm-order", cmd_crm_order) \
	X("crm-rep", cmd_crm_rep) \
	X("crm-segment", cmd_crm_segment) \
	X("crm-stats", cmd_crm_stats) \
	X("crm-ticket", cmd_crm_ticket) \
	X("inv-bom", cmd_inv_bom) \
	X("inv-build", cmd_inv_build) \
	X("inv-count", cmd_inv_count) \
	X("inv-issue", cmd_inv_issue) \
	X("inv-item", cmd_inv_item) \
	X("inv-move", cmd_inv_move) \
	X("inv-purchase", cmd_inv_purchase) \
	X("inv-qc", cmd_inv_qc) \
	X("inv-receive", cmd_inv_receive) \
	X("inv-reorder", cmd_inv_reorder) \
	X("inv-stock", cmd_inv_stock) \
	X("inv-supplier", cmd_inv_supplier) \
	X("inv-warehouse", cmd_inv_warehouse) \
	X("ledger-account", cmd_ledger_account) \
	X("ledger-aging", cmd_ledger_aging) \
	X("ledger-balance", cmd_ledger_balance) \
	X("ledger-export", cmd_ledger_export) \
	X("ledger-post", cmd_ledger_post) \
	X("ledger-register", cmd_ledger_register)

#define BIZ_DECLARE_COMMAND(name, fn) int fn(int argc, char **argv);
BIZ_COMMANDS(BIZ_DECLARE_COMMAND)
#undef BIZ_DECLARE_COMMAND

#endif
