/*
 * schema.c - every table of bizutils, as an append-only list of
 * migrations.  A released migration is never edited: add the next one.
 * PRAGMA user_version counts the migrations applied.
 *
 * Conventions: quantities are INTEGER thousandths (QTY_SCALE 3), money
 * INTEGER minor units (setting money_scale), timestamps TEXT UTC ISO 8601,
 * dates TEXT YYYY-MM-DD, custom fields a JSON object in "extra".
 */
#include "schema.h"

/*
 * Settings and the event log: the audit trail and integration feed, read
 * in id order (no other index: one is paid for on every change).
 */
#define SCHEMA_CORE \
"CREATE TABLE setting(" \
"  key TEXT PRIMARY KEY," \
"  value TEXT NOT NULL);" \
"CREATE TABLE event(" \
"  id INTEGER PRIMARY KEY," \
"  at TEXT NOT NULL," \
"  actor TEXT NOT NULL," \
"  kind TEXT NOT NULL," \
"  entity TEXT NOT NULL," \
"  entity_id TEXT NOT NULL," \
"  data TEXT NOT NULL DEFAULT '{}');"

/*
 * CRM.  A lead's email_key (lower-case email) and phone_key (digits only)
 * are the deduplication keys.  A rep's open leads are counted from lead,
 * never stored.  assign_state keeps each rule's rotation between runs.
 * Indexes are only those a query reads: lead_owner (owner, status) serves
 * a rep's open leads, the unassigned ones (owner IS NULL) and the stale
 * ones; every index costs each lead imported.
 */
#define SCHEMA_CRM \
"CREATE TABLE rep(" \
"  handle TEXT PRIMARY KEY," \
"  name TEXT NOT NULL," \
"  email TEXT," \
"  regions TEXT NOT NULL DEFAULT '[]'," \
"  industries TEXT NOT NULL DEFAULT '[]'," \
"  capacity INTEGER CHECK (capacity >= 0)," \
"  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight > 0)," \
"  team TEXT," \
"  active INTEGER NOT NULL DEFAULT 1," \
"  created_at TEXT NOT NULL);" \
"CREATE TABLE lead(" \
"  id INTEGER PRIMARY KEY," \
"  name TEXT NOT NULL," \
"  company TEXT," \
"  email TEXT," \
"  email_key TEXT," \
"  phone TEXT," \
"  phone_key TEXT," \
"  source TEXT," \
"  external_id TEXT," \
"  region TEXT," \
"  industry TEXT," \
"  size INTEGER," \
"  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new'," \
"    'assigned', 'contacted', 'qualified', 'converted', 'lost'))," \
"  owner TEXT REFERENCES rep(handle)," \
"  assigned_at TEXT," \
"  first_contact_at TEXT," \
"  created_at TEXT NOT NULL," \
"  updated_at TEXT NOT NULL," \
"  extra TEXT NOT NULL DEFAULT '{}');" \
"CREATE INDEX lead_email ON lead(email_key) WHERE email_key IS NOT NULL;" \
"CREATE INDEX lead_phone ON lead(phone_key) WHERE phone_key IS NOT NULL;" \
"CREATE INDEX lead_external ON lead(source, external_id)" \
"  WHERE external_id IS NOT NULL;" \
"CREATE INDEX lead_owner ON lead(owner, status);" \
"CREATE TABLE activity(" \
"  id INTEGER PRIMARY KEY," \
"  kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'email'," \
"    'meeting', 'quote', 'note'))," \
"  rep TEXT NOT NULL REFERENCES rep(handle)," \
"  lead_id INTEGER REFERENCES lead(id)," \
"  customer_id INTEGER," \
"  deal_id INTEGER," \
"  outcome TEXT," \
"  minutes INTEGER," \
"  at TEXT NOT NULL);" \
"CREATE INDEX activity_lead ON activity(lead_id, at);" \
"CREATE TABLE assign_state(" \
"  rule TEXT PRIMARY KEY," \
"  state TEXT NOT NULL);"

/*
 * Inventory: warehouses, items, lots, serials, moves, layers, balances.
 * A move is immutable; stock_balance (per item, warehouse and lot, lot ''
 * when untracked) is kept equal to the sum of its moves in the same
 * transaction; cost_layer rows hold what is left of each receipt line (or
 * transferred part of one) and their remaining values sum to the
 * balance's value.  origin orders layers first-in-first-out across
 * transfers; is_open (remaining_qty > 0, by CHECK) keys the partial index
 * of open layers, so taking part of a layer leaves the index alone and
 * only closing one changes it.  move has no index by item: nothing but
 * inv-stock --at --sku would read it, and it cost each move a random
 * insert.  stock_doc is one document (receipt, issue, transfer, qc):
 * its (kind, ref) makes a rerun a no-op; its entry_id is the one ledger
 * entry that posts the sum of its moves' values (a move's entry is its
 * document's).  lead_time and lead_time_sd are
 * thousandths of a day, service_level ten-thousandths (0.95 = 9500).
 */
#define SCHEMA_STOCK \
"CREATE TABLE warehouse(" \
"  code TEXT PRIMARY KEY," \
"  name TEXT NOT NULL," \
"  created_at TEXT NOT NULL);" \
"CREATE TABLE item(" \
"  sku TEXT PRIMARY KEY," \
"  name TEXT NOT NULL," \
"  unit TEXT NOT NULL DEFAULT 'ea'," \
"  tracking TEXT NOT NULL DEFAULT 'none' CHECK (tracking IN ('none'," \
"    'lot', 'serial'))," \
"  costing TEXT NOT NULL DEFAULT 'fifo' CHECK (costing IN ('fifo'," \
"    'avco'))," \
"  barcode TEXT UNIQUE," \
"  parent TEXT REFERENCES item(sku)," \
"  attrs TEXT NOT NULL DEFAULT '{}'," \
"  lead_time INTEGER," \
"  lead_time_sd INTEGER," \
"  service_level INTEGER," \
"  min_qty INTEGER," \
"  max_qty INTEGER," \
"  multiple INTEGER," \
"  supplier TEXT," \
"  extra TEXT NOT NULL DEFAULT '{}'," \
"  created_at TEXT NOT NULL," \
"  updated_at TEXT NOT NULL);" \
"CREATE INDEX item_parent ON item(parent) WHERE parent IS NOT NULL;" \
"CREATE TABLE lot(" \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  code TEXT NOT NULL," \
"  expiry TEXT," \
"  first_move INTEGER NOT NULL," \
"  PRIMARY KEY (sku, code)) WITHOUT ROWID;" \
"CREATE TABLE stock_doc(" \
"  id INTEGER PRIMARY KEY," \
"  kind TEXT NOT NULL," \
"  ref TEXT," \
"  date TEXT NOT NULL," \
"  po TEXT," \
"  order_id TEXT," \
"  reason TEXT," \
"  status TEXT," \
"  source_doc INTEGER REFERENCES stock_doc(id)," \
"  entry_id INTEGER REFERENCES entry(id)," \
"  at TEXT NOT NULL," \
"  actor TEXT NOT NULL);" \
"CREATE UNIQUE INDEX stock_doc_ref ON stock_doc(kind, ref)" \
"  WHERE ref IS NOT NULL;" \
"CREATE TABLE move(" \
"  id INTEGER PRIMARY KEY," \
"  doc_id INTEGER NOT NULL REFERENCES stock_doc(id)," \
"  at TEXT NOT NULL," \
"  date TEXT NOT NULL," \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  lot TEXT NOT NULL DEFAULT ''," \
"  qty INTEGER NOT NULL," \
"  value INTEGER NOT NULL," \
"  quarantine INTEGER NOT NULL DEFAULT 0," \
"  serials TEXT);" \
"CREATE INDEX move_doc ON move(doc_id);" \
"CREATE INDEX move_date ON move(date);" \
"CREATE TRIGGER move_immutable BEFORE UPDATE ON move" \
"  BEGIN SELECT RAISE(ABORT, 'stock moves are immutable'); END;" \
"CREATE TRIGGER move_undeletable BEFORE DELETE ON move" \
"  BEGIN SELECT RAISE(ABORT, 'stock moves are immutable'); END;" \
"CREATE TABLE stock_balance(" \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  lot TEXT NOT NULL DEFAULT ''," \
"  qty INTEGER NOT NULL DEFAULT 0," \
"  quarantine INTEGER NOT NULL DEFAULT 0," \
"  reserved INTEGER NOT NULL DEFAULT 0," \
"  value INTEGER NOT NULL DEFAULT 0," \
"  PRIMARY KEY (sku, wh, lot)," \
"  CONSTRAINT stock_not_negative CHECK (qty >= 0 AND quarantine >= 0" \
"    AND quarantine <= qty)) WITHOUT ROWID;" \
"CREATE INDEX stock_balance_wh ON stock_balance(wh, sku);" \
"CREATE TABLE cost_layer(" \
"  id INTEGER PRIMARY KEY," \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  lot TEXT NOT NULL DEFAULT ''," \
"  move_id INTEGER NOT NULL REFERENCES move(id)," \
"  origin INTEGER NOT NULL," \
"  qty INTEGER NOT NULL," \
"  value INTEGER NOT NULL," \
"  remaining_qty INTEGER NOT NULL," \
"  remaining_value INTEGER NOT NULL," \
"  held INTEGER NOT NULL DEFAULT 0," \
"  is_open INTEGER NOT NULL DEFAULT 1," \
"  CONSTRAINT layer_open CHECK (is_open = (remaining_qty > 0)" \
"    AND (is_open OR remaining_value = 0)));" \
"CREATE INDEX cost_layer_open ON cost_layer(sku, wh, lot, origin, id)" \
"  WHERE is_open = 1;" \
"CREATE INDEX cost_layer_move ON cost_layer(move_id);" \
"CREATE TABLE serial(" \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  serial TEXT NOT NULL," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  in_stock INTEGER NOT NULL DEFAULT 1," \
"  held INTEGER NOT NULL DEFAULT 0," \
"  move_id INTEGER NOT NULL REFERENCES move(id)," \
"  PRIMARY KEY (sku, serial)) WITHOUT ROWID;" \
"CREATE INDEX serial_stock ON serial(sku, wh, move_id) WHERE in_stock;"

/*
 * Ledger.  Entries and postings are immutable: triggers refuse UPDATE and
 * DELETE, a correction is a reversing entry.  posting.date repeats the
 * entry's date so an account's postings are read in date order from one
 * index.  account_day holds each account's debits and credits per day,
 * kept by ledger_post() in the posting's transaction: reports over any
 * date range read it instead of every posting.  A manual ref is unique
 * (idempotent ledger-post); automatic entries carry their document's.
 * posting_rule maps each kind of automatic posting to its accounts.
 */
#define SCHEMA_LEDGER \
"CREATE TABLE account(" \
"  code TEXT PRIMARY KEY," \
"  name TEXT NOT NULL UNIQUE COLLATE NOCASE," \
"  type TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'equity'," \
"    'income', 'expense'))," \
"  parent TEXT REFERENCES account(code)," \
"  created_at TEXT NOT NULL);" \
"CREATE TABLE entry(" \
"  id INTEGER PRIMARY KEY," \
"  date TEXT NOT NULL," \
"  memo TEXT NOT NULL," \
"  source TEXT NOT NULL DEFAULT 'manual'," \
"  ref TEXT," \
"  reverses INTEGER REFERENCES entry(id)," \
"  at TEXT NOT NULL," \
"  actor TEXT NOT NULL);" \
"CREATE INDEX entry_ref ON entry(source, ref);" \
"CREATE INDEX entry_date ON entry(date);" \
"CREATE INDEX entry_reverses ON entry(reverses) WHERE reverses IS NOT NULL;" \
"CREATE UNIQUE INDEX entry_manual_ref ON entry(ref)" \
"  WHERE source = 'manual' AND ref IS NOT NULL;" \
"CREATE TABLE posting(" \
"  id INTEGER PRIMARY KEY," \
"  entry_id INTEGER NOT NULL REFERENCES entry(id)," \
"  account TEXT NOT NULL REFERENCES account(code)," \
"  date TEXT NOT NULL," \
"  amount INTEGER NOT NULL);" \
"CREATE INDEX posting_entry ON posting(entry_id);" \
"CREATE INDEX posting_account ON posting(account, date);" \
"CREATE TABLE account_day(" \
"  account TEXT NOT NULL REFERENCES account(code)," \
"  date TEXT NOT NULL," \
"  debit INTEGER NOT NULL DEFAULT 0," \
"  credit INTEGER NOT NULL DEFAULT 0," \
"  PRIMARY KEY (account, date)) WITHOUT ROWID;" \
"CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TRIGGER entry_undeletable BEFORE DELETE ON entry" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TRIGGER posting_immutable BEFORE UPDATE ON posting" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TRIGGER posting_undeletable BEFORE DELETE ON posting" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TRIGGER account_day_undeletable BEFORE DELETE ON account_day" \
"  BEGIN SELECT RAISE(ABORT, 'account totals follow the postings'); END;" \
"CREATE TABLE posting_rule(" \
"  kind TEXT PRIMARY KEY," \
"  debit TEXT NOT NULL REFERENCES account(code)," \
"  credit TEXT NOT NULL REFERENCES account(code));"

/*
 * Migration 2: the accounts order to cash and procure to pay post to.
 * A new database gets them from biz-init's seed (the chart is empty when
 * the migrations run); an existing one gets them here, dated as its chart.
 */
#define SCHEMA_ACCOUNTS_2 \
"INSERT INTO account(code, name, type, created_at)" \
"  SELECT v.code, v.name, v.type, a.created_at" \
"  FROM (SELECT '2200' AS code, 'Sales Tax Payable' AS name," \
"          'liability' AS type" \
"        UNION ALL SELECT '4100', 'Sales Returns', 'income'" \
"        UNION ALL SELECT '5200', 'Purchase Price Variance', 'expense') v" \
"  JOIN account a ON a.code = '1000'" \
"  WHERE NOT EXISTS (SELECT 1 FROM account o WHERE o.code = v.code);"

/*
 * Migration 3: control accounts, which only their documents post to
 * (src/books/control.c): Inventory and Goods Received Not Invoiced.
 */
#define SCHEMA_CONTROL_3 \
"ALTER TABLE account ADD COLUMN control INTEGER NOT NULL DEFAULT 0" \
"  CHECK (control IN (0, 1));" \
"UPDATE account SET control = 1 WHERE code IN ('1300', '2100');"

/*
 * Migration 4: no stored quantity, amount or total may pass 10^17 of its
 * smallest unit (DEC_TOTAL_LIMIT), nor stop being an integer: SQLite
 * turns an integer sum that overflows into a REAL, which biz-check could
 * no longer add up.  Input is held under 10^13 (DEC_INPUT_LIMIT); a write
 * that would take a total past the limit is refused (db.c maps
 * "refused: " to exit 1).
 */
#define OVER_LIMIT(column) \
	"typeof(NEW." column ") <> 'integer' OR NEW." column \
	" NOT BETWEEN -100000000000000000 AND 100000000000000000"
#define LIMIT_TRIGGER(name, event, table, over, what) \
	"CREATE TRIGGER IF NOT EXISTS " name " BEFORE " event " ON " table " WHEN " over \
	" BEGIN SELECT RAISE(ABORT, 'refused: " what " (over 10^17 of " \
	"the smallest unit)'); END;"
#define MOVE_OVER \
	OVER_LIMIT("qty") " OR " OVER_LIMIT("value") " OR " \
	OVER_LIMIT("quarantine")
#define BALANCE_OVER \
	MOVE_OVER " OR " OVER_LIMIT("reserved")
#define LAYER_OVER \
	OVER_LIMIT("qty") " OR " OVER_LIMIT("value") " OR " \
	OVER_LIMIT("remaining_qty") " OR " OVER_LIMIT("remaining_value")
#define DAY_OVER \
	OVER_LIMIT("debit") " OR " OVER_LIMIT("credit")
#define SCHEMA_LIMITS_4 \
	LIMIT_TRIGGER("move_limit", "INSERT", "move", MOVE_OVER, \
		      "a stock move too large") \
	LIMIT_TRIGGER("balance_insert_limit", "INSERT", "stock_balance", \
		      BALANCE_OVER, "a stock balance too large") \
	LIMIT_TRIGGER("balance_update_limit", "UPDATE", "stock_balance", \
		      BALANCE_OVER, "a stock balance would grow too large") \
	LIMIT_TRIGGER("layer_insert_limit", "INSERT", "cost_layer", \
		      LAYER_OVER, "a cost layer too large") \
	LIMIT_TRIGGER("layer_update_limit", "UPDATE", "cost_layer", \
		      LAYER_OVER, "a cost layer too large") \
	LIMIT_TRIGGER("posting_limit", "INSERT", "posting", \
		      OVER_LIMIT("amount"), "a posting too large") \
	LIMIT_TRIGGER("account_day_insert_limit", "INSERT", "account_day", \
		      DAY_OVER, "an account total too large") \
	LIMIT_TRIGGER("account_day_update_limit", "UPDATE", "account_day", \
		      DAY_OVER, "an account total would grow too large")

/*
 * One entry per migration, in order; a domain adds its tables as the next
 * entry (a macro of its own above), never by editing a released one.
 */
const char *const schema_migrations[] = {
	SCHEMA_CORE SCHEMA_CRM SCHEMA_STOCK SCHEMA_LEDGER,
	SCHEMA_ACCOUNTS_2,
	SCHEMA_CONTROL_3,
	SCHEMA_LIMITS_4,
};

const size_t schema_migration_count =
	sizeof(schema_migrations) / sizeof(schema_migrations[0]);
