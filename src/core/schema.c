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
 * Procure to pay.  A supplier's lead_time and lead_time_sd are
 * thousandths of a day, terms whole days.  A purchase's lines keep what
 * was ordered, received (and the value the receipts posted to GRNI),
 * billed (the received value a bill cleared) and cancelled; on_order is
 * qty - received - cancelled of the lines of ordered purchases (the view
 * on_order, which the stock report reads).  Prices
 * are at the unit-cost scale (money + 2, as inv-receive --cost).  A bill
 * clears received value from GRNI to Accounts Payable, its difference to
 * Purchase Price Variance; bill.paid is what payments settled.  Held
 * goods that fail inv-qc go back with their receipt's GRNI posting
 * reversed: bill.returned is the value of those a bill netted out.  An item's
 * supplier must exist (triggers: the item table came first).  Written to
 * run again harmlessly (IF NOT EXISTS), as t1000 replays migrations.
 */
#define SCHEMA_PURCHASE_3 \
"CREATE TABLE IF NOT EXISTS supplier(" \
"  code TEXT PRIMARY KEY," \
"  name TEXT NOT NULL," \
"  email TEXT," \
"  lead_time INTEGER CHECK (lead_time >= 0)," \
"  lead_time_sd INTEGER CHECK (lead_time_sd >= 0)," \
"  terms INTEGER CHECK (terms >= 0)," \
"  created_at TEXT NOT NULL," \
"  updated_at TEXT NOT NULL);" \
"CREATE TABLE IF NOT EXISTS purchase(" \
"  id INTEGER PRIMARY KEY," \
"  supplier TEXT NOT NULL REFERENCES supplier(code)," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  ref TEXT UNIQUE," \
"  status TEXT NOT NULL CHECK (status IN ('requested', 'approved'," \
"    'ordered', 'partial', 'received', 'billed', 'paid', 'cancelled'))," \
"  date TEXT NOT NULL," \
"  requested_by TEXT NOT NULL," \
"  approved_by TEXT," \
"  approved_at TEXT," \
"  ordered_at TEXT," \
"  created_at TEXT NOT NULL," \
"  updated_at TEXT NOT NULL);" \
"CREATE INDEX IF NOT EXISTS purchase_status ON purchase(status, supplier);" \
"CREATE TABLE IF NOT EXISTS purchase_line(" \
"  purchase_id INTEGER NOT NULL REFERENCES purchase(id)," \
"  line INTEGER NOT NULL," \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  qty INTEGER NOT NULL CHECK (qty > 0)," \
"  price INTEGER NOT NULL CHECK (price >= 0)," \
"  received INTEGER NOT NULL DEFAULT 0," \
"  received_value INTEGER NOT NULL DEFAULT 0," \
"  billed INTEGER NOT NULL DEFAULT 0," \
"  billed_value INTEGER NOT NULL DEFAULT 0," \
"  cancelled INTEGER NOT NULL DEFAULT 0," \
"  PRIMARY KEY (purchase_id, line)," \
"  CHECK (received >= 0 AND cancelled >= 0" \
"    AND received + cancelled <= qty)) WITHOUT ROWID;" \
"CREATE INDEX IF NOT EXISTS purchase_line_sku ON purchase_line(sku);" \
"CREATE VIEW IF NOT EXISTS on_order(sku, wh, qty) AS" \
"  SELECT l.sku, p.wh, l.qty - l.received - l.cancelled" \
"  FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id" \
"  WHERE p.status IN ('ordered', 'partial')" \
"  AND l.received + l.cancelled < l.qty;" \
"CREATE TABLE IF NOT EXISTS bill(" \
"  id INTEGER PRIMARY KEY," \
"  purchase_id INTEGER NOT NULL REFERENCES purchase(id)," \
"  supplier TEXT NOT NULL REFERENCES supplier(code)," \
"  ref TEXT," \
"  date TEXT NOT NULL," \
"  due TEXT NOT NULL," \
"  amount INTEGER NOT NULL CHECK (amount >= 0)," \
"  cleared INTEGER NOT NULL," \
"  returned INTEGER NOT NULL DEFAULT 0," \
"  paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0 AND paid <= amount)," \
"  entry_id INTEGER REFERENCES entry(id)," \
"  at TEXT NOT NULL," \
"  actor TEXT NOT NULL);" \
"CREATE UNIQUE INDEX IF NOT EXISTS bill_ref ON bill(supplier, ref) WHERE ref IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS bill_purchase ON bill(purchase_id);" \
"CREATE TABLE IF NOT EXISTS bill_payment(" \
"  id INTEGER PRIMARY KEY," \
"  purchase_id INTEGER NOT NULL REFERENCES purchase(id)," \
"  date TEXT NOT NULL," \
"  amount INTEGER NOT NULL CHECK (amount > 0)," \
"  ref TEXT," \
"  entry_id INTEGER REFERENCES entry(id)," \
"  at TEXT NOT NULL," \
"  actor TEXT NOT NULL);" \
"CREATE INDEX IF NOT EXISTS bill_payment_purchase ON bill_payment(purchase_id);" \
"CREATE TRIGGER IF NOT EXISTS item_supplier_insert BEFORE INSERT ON item" \
"  WHEN NEW.supplier IS NOT NULL AND NOT EXISTS (SELECT 1 FROM supplier" \
"    WHERE code = NEW.supplier)" \
"  BEGIN SELECT RAISE(ABORT, 'supplier: no such supplier'); END;" \
"CREATE TRIGGER IF NOT EXISTS item_supplier_update BEFORE UPDATE OF supplier ON item" \
"  WHEN NEW.supplier IS NOT NULL AND NOT EXISTS (SELECT 1 FROM supplier" \
"    WHERE code = NEW.supplier)" \
"  BEGIN SELECT RAISE(ABORT, 'supplier: no such supplier'); END;" \
"INSERT INTO posting_rule(kind, debit, credit)" \
"  SELECT v.kind, v.debit, v.credit" \
"  FROM (SELECT 'bill' AS kind, '2100' AS debit, '2000' AS credit" \
"        UNION ALL SELECT 'bill_variance', '5200', '2000'" \
"        UNION ALL SELECT 'bill_payment', '2000', '1000') v" \
"  WHERE EXISTS (SELECT 1 FROM account WHERE code = '5200')" \
"  AND NOT EXISTS (SELECT 1 FROM posting_rule o WHERE o.kind = v.kind);"

/*
 * Order to cash (sales).  A sales_order_line keeps its quantities
 * reserved (held now in stock_balance.reserved, per lot in
 * sales_reservation), shipped, invoiced, returned and credited (returned
 * units that were invoiced, so credited back).  sales_shipment is each
 * move a shipment wrote, with what of it came back: a return brings goods
 * back at the value they left with.  An invoice's open amount is its
 * total less its settlements (payments and return credits), each dated,
 * so the aging at any date is read from them.  tax_rate is a percentage
 * at 4 places (8.25% = 82500).  Every statement can run twice (IF NOT
 * EXISTS), as the migration tests replay them.
 */
#define SCHEMA_SALES \
"CREATE TABLE IF NOT EXISTS sales_order(" \
"  id INTEGER PRIMARY KEY," \
"  customer_id INTEGER NOT NULL," \
"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft'," \
"    'confirmed', 'partially_reserved', 'backordered'," \
"    'partially_shipped', 'shipped', 'invoiced', 'paid', 'cancelled'))," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  ref TEXT," \
"  tax_rate INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate >= 0)," \
"  date TEXT NOT NULL," \
"  confirmed_at TEXT," \
"  created_at TEXT NOT NULL," \
"  updated_at TEXT NOT NULL);" \
"CREATE UNIQUE INDEX IF NOT EXISTS sales_order_ref ON sales_order(ref)" \
"  WHERE ref IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS sales_order_customer" \
"  ON sales_order(customer_id);" \
"CREATE INDEX IF NOT EXISTS sales_order_status ON sales_order(status);" \
"CREATE TABLE IF NOT EXISTS sales_order_line(" \
"  id INTEGER PRIMARY KEY," \
"  order_id INTEGER NOT NULL REFERENCES sales_order(id)," \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  qty INTEGER NOT NULL CHECK (qty > 0)," \
"  price INTEGER NOT NULL CHECK (price >= 0)," \
"  reserved INTEGER NOT NULL DEFAULT 0," \
"  shipped INTEGER NOT NULL DEFAULT 0," \
"  invoiced INTEGER NOT NULL DEFAULT 0," \
"  returned INTEGER NOT NULL DEFAULT 0," \
"  credited INTEGER NOT NULL DEFAULT 0," \
"  CONSTRAINT sales_line_quantities CHECK (reserved >= 0 AND" \
"    shipped >= 0 AND reserved + shipped <= qty AND" \
"    returned <= shipped AND credited <= returned AND" \
"    credited <= invoiced AND invoiced + returned - credited <= shipped));" \
"CREATE INDEX IF NOT EXISTS sales_order_line_order" \
"  ON sales_order_line(order_id);" \
"CREATE TABLE IF NOT EXISTS sales_reservation(" \
"  line_id INTEGER NOT NULL REFERENCES sales_order_line(id)," \
"  lot TEXT NOT NULL DEFAULT ''," \
"  qty INTEGER NOT NULL CHECK (qty >= 0)," \
"  PRIMARY KEY (line_id, lot)) WITHOUT ROWID;" \
"CREATE TABLE IF NOT EXISTS sales_shipment(" \
"  move_id INTEGER PRIMARY KEY REFERENCES move(id)," \
"  line_id INTEGER NOT NULL REFERENCES sales_order_line(id)," \
"  lot TEXT NOT NULL DEFAULT ''," \
"  qty INTEGER NOT NULL CHECK (qty > 0)," \
"  value INTEGER NOT NULL," \
"  returned_qty INTEGER NOT NULL DEFAULT 0," \
"  returned_value INTEGER NOT NULL DEFAULT 0," \
"  CHECK (returned_qty <= qty));" \
"CREATE INDEX IF NOT EXISTS sales_shipment_line ON sales_shipment(line_id);" \
"CREATE TABLE IF NOT EXISTS invoice(" \
"  id INTEGER PRIMARY KEY," \
"  order_id INTEGER NOT NULL REFERENCES sales_order(id)," \
"  customer_id INTEGER NOT NULL," \
"  date TEXT NOT NULL," \
"  due TEXT NOT NULL," \
"  net INTEGER NOT NULL," \
"  tax INTEGER NOT NULL," \
"  total INTEGER NOT NULL," \
"  entry_id INTEGER REFERENCES entry(id)," \
"  created_at TEXT NOT NULL);" \
"CREATE INDEX IF NOT EXISTS invoice_order ON invoice(order_id);" \
"CREATE INDEX IF NOT EXISTS invoice_customer ON invoice(customer_id);" \
"CREATE TABLE IF NOT EXISTS invoice_line(" \
"  invoice_id INTEGER NOT NULL REFERENCES invoice(id)," \
"  line_id INTEGER NOT NULL REFERENCES sales_order_line(id)," \
"  qty INTEGER NOT NULL," \
"  net INTEGER NOT NULL," \
"  tax INTEGER NOT NULL," \
"  PRIMARY KEY (invoice_id, line_id)) WITHOUT ROWID;" \
"CREATE TABLE IF NOT EXISTS sales_payment(" \
"  id INTEGER PRIMARY KEY," \
"  order_id INTEGER NOT NULL REFERENCES sales_order(id)," \
"  date TEXT NOT NULL," \
"  amount INTEGER NOT NULL CHECK (amount > 0)," \
"  ref TEXT," \
"  entry_id INTEGER REFERENCES entry(id)," \
"  created_at TEXT NOT NULL);" \
"CREATE UNIQUE INDEX IF NOT EXISTS sales_payment_ref ON sales_payment(ref)" \
"  WHERE ref IS NOT NULL;" \
"CREATE TABLE IF NOT EXISTS sales_return(" \
"  id INTEGER PRIMARY KEY," \
"  order_id INTEGER NOT NULL REFERENCES sales_order(id)," \
"  ref TEXT," \
"  request TEXT NOT NULL," \
"  date TEXT NOT NULL," \
"  net INTEGER NOT NULL," \
"  tax INTEGER NOT NULL," \
"  total INTEGER NOT NULL," \
"  doc_id INTEGER REFERENCES stock_doc(id)," \
"  entry_id INTEGER REFERENCES entry(id)," \
"  created_at TEXT NOT NULL);" \
"CREATE UNIQUE INDEX IF NOT EXISTS sales_return_ref ON sales_return(ref)" \
"  WHERE ref IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS sales_return_order ON sales_return(order_id);" \
"CREATE TABLE IF NOT EXISTS invoice_settlement(" \
"  id INTEGER PRIMARY KEY," \
"  invoice_id INTEGER NOT NULL REFERENCES invoice(id)," \
"  kind TEXT NOT NULL CHECK (kind IN ('payment', 'credit'))," \
"  source_id INTEGER NOT NULL," \
"  date TEXT NOT NULL," \
"  amount INTEGER NOT NULL);" \
"CREATE INDEX IF NOT EXISTS invoice_settlement_invoice ON" \
"  invoice_settlement(invoice_id, date);" \
"INSERT INTO posting_rule(kind, debit, credit)" \
"  SELECT v.kind, v.debit, v.credit" \
"  FROM (SELECT 'sales_return' AS kind, '4100' AS debit," \
"          '1100' AS credit" \
"        UNION ALL SELECT 'return_receipt', '1300', '5000') v" \
"  WHERE EXISTS (SELECT 1 FROM account a WHERE a.code = v.debit)" \
"    AND EXISTS (SELECT 1 FROM account a WHERE a.code = v.credit)" \
"    AND NOT EXISTS (SELECT 1 FROM posting_rule r WHERE r.kind = v.kind);"

/*
 * Customers and the sales pipeline (issue 10).  A customer's email_key
 * (lower-case email) and phone_key (digits only) are the deduplication
 * keys, as a lead's; terms is days (NULL: the sales.terms_days setting).
 * customer_tag's key (customer_id, tag) gives a customer's tags and
 * customer_tag_tag the customers of a tag.  deal_stage is data: position
 * orders the stages, kind says which close a deal (won, lost).  A deal's
 * stage_at is when it entered its stage; deal_history keeps every stage
 * change (from_stage NULL: the deal was opened in to_stage), with its
 * time and actor: the funnel and the forecast's historical rates are read
 * from it.  lead_conversion links a converted lead to its customer and
 * deal (a table of its own: the lead table stays as it was).  Every
 * statement can run twice (IF NOT EXISTS, ON CONFLICT): a test that sets
 * user_version back replays it harmlessly.
 */
#define SCHEMA_PIPELINE \
"CREATE TABLE IF NOT EXISTS customer(" \
"  id INTEGER PRIMARY KEY," \
"  name TEXT NOT NULL," \
"  email TEXT," \
"  email_key TEXT," \
"  phone TEXT," \
"  phone_key TEXT," \
"  industry TEXT," \
"  size INTEGER," \
"  region TEXT," \
"  terms INTEGER CHECK (terms >= 0)," \
"  created_at TEXT NOT NULL," \
"  updated_at TEXT NOT NULL," \
"  extra TEXT NOT NULL DEFAULT '{}');" \
"CREATE INDEX IF NOT EXISTS customer_email ON customer(email_key)" \
"  WHERE email_key IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS customer_phone ON customer(phone_key)" \
"  WHERE phone_key IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS customer_name ON customer(name);" \
"CREATE TABLE IF NOT EXISTS customer_tag(" \
"  customer_id INTEGER NOT NULL REFERENCES customer(id)," \
"  tag TEXT NOT NULL," \
"  PRIMARY KEY (customer_id, tag)) WITHOUT ROWID;" \
"CREATE INDEX IF NOT EXISTS customer_tag_tag ON customer_tag(tag, customer_id);" \
"CREATE TABLE IF NOT EXISTS deal_stage(" \
"  name TEXT PRIMARY KEY," \
"  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100)," \
"  position INTEGER NOT NULL," \
"  kind TEXT NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won'," \
"    'lost')));" \
"INSERT INTO deal_stage(name, probability, position, kind) VALUES" \
"  ('new', 10, 1, 'open'), ('qualified', 20, 2, 'open')," \
"  ('proposal', 50, 3, 'open'), ('negotiation', 70, 4, 'open')," \
"  ('won', 100, 5, 'won'), ('lost', 0, 6, 'lost')" \
"  ON CONFLICT DO NOTHING;" \
"CREATE TABLE IF NOT EXISTS deal(" \
"  id INTEGER PRIMARY KEY," \
"  customer_id INTEGER NOT NULL REFERENCES customer(id)," \
"  title TEXT NOT NULL," \
"  amount INTEGER NOT NULL CHECK (amount >= 0)," \
"  stage TEXT NOT NULL REFERENCES deal_stage(name)," \
"  owner TEXT REFERENCES rep(handle)," \
"  close TEXT," \
"  closed_at TEXT," \
"  lost_reason TEXT," \
"  lead_id INTEGER REFERENCES lead(id)," \
"  stage_at TEXT NOT NULL," \
"  created_at TEXT NOT NULL," \
"  updated_at TEXT NOT NULL," \
"  extra TEXT NOT NULL DEFAULT '{}');" \
"CREATE INDEX IF NOT EXISTS deal_customer ON deal(customer_id);" \
"CREATE TABLE IF NOT EXISTS deal_history(" \
"  id INTEGER PRIMARY KEY," \
"  deal_id INTEGER NOT NULL REFERENCES deal(id)," \
"  from_stage TEXT," \
"  to_stage TEXT NOT NULL," \
"  at TEXT NOT NULL," \
"  actor TEXT NOT NULL);" \
"CREATE INDEX IF NOT EXISTS deal_history_deal ON deal_history(deal_id, at);" \
"CREATE TABLE IF NOT EXISTS lead_conversion(" \
"  lead_id INTEGER PRIMARY KEY REFERENCES lead(id)," \
"  customer_id INTEGER NOT NULL REFERENCES customer(id)," \
"  deal_id INTEGER REFERENCES deal(id)," \
"  at TEXT NOT NULL);" \
"CREATE INDEX IF NOT EXISTS activity_customer ON activity(customer_id, at)" \
"  WHERE customer_id IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS activity_deal ON activity(deal_id, at)" \
"  WHERE deal_id IS NOT NULL;"

/*
 * After-sales service (issue 14).  A ticket belongs to a customer; its
 * status goes open -> resolved -> closed (reopen brings it back to
 * open), and ticket_history keeps every change with its time and actor
 * (action: opened, assigned, replied, resolved, closed, reopened).
 * first_response_at is the first reply.  ticket_target holds, per
 * priority, the minutes allowed to the first response and to the
 * resolution: data, changed with crm-ticket targets set.  The index on
 * lead_conversion(customer_id) is for the customer's 360-degree view
 * (the leads converted into it).  Every statement can run twice (IF NOT
 * EXISTS, ON CONFLICT).
 */
#define SCHEMA_SERVICE \
"CREATE TABLE IF NOT EXISTS ticket(" \
"  id INTEGER PRIMARY KEY," \
"  customer_id INTEGER NOT NULL REFERENCES customer(id)," \
"  subject TEXT NOT NULL," \
"  priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low'," \
"    'normal', 'high', 'urgent'))," \
"  channel TEXT," \
"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open'," \
"    'resolved', 'closed'))," \
"  owner TEXT REFERENCES rep(handle)," \
"  opened_at TEXT NOT NULL," \
"  first_response_at TEXT," \
"  resolved_at TEXT," \
"  closed_at TEXT," \
"  csat INTEGER CHECK (csat BETWEEN 1 AND 5)," \
"  extra TEXT NOT NULL DEFAULT '{}');" \
"CREATE INDEX IF NOT EXISTS ticket_customer ON ticket(customer_id);" \
"CREATE INDEX IF NOT EXISTS ticket_status ON ticket(status);" \
"CREATE TABLE IF NOT EXISTS ticket_history(" \
"  id INTEGER PRIMARY KEY," \
"  ticket_id INTEGER NOT NULL REFERENCES ticket(id)," \
"  at TEXT NOT NULL," \
"  actor TEXT," \
"  action TEXT NOT NULL," \
"  from_status TEXT," \
"  to_status TEXT NOT NULL," \
"  note TEXT);" \
"CREATE INDEX IF NOT EXISTS ticket_history_ticket" \
"  ON ticket_history(ticket_id, id);" \
"CREATE TABLE IF NOT EXISTS ticket_target(" \
"  priority TEXT PRIMARY KEY CHECK (priority IN ('low', 'normal'," \
"    'high', 'urgent'))," \
"  response_minutes INTEGER NOT NULL CHECK (response_minutes > 0)," \
"  resolution_minutes INTEGER NOT NULL CHECK (resolution_minutes > 0));" \
"INSERT INTO ticket_target(priority, response_minutes, resolution_minutes)" \
"  VALUES ('urgent', 60, 240), ('high', 240, 1440)," \
"  ('normal', 480, 4320), ('low', 1440, 10080)" \
"  ON CONFLICT(priority) DO NOTHING;" \
"CREATE INDEX IF NOT EXISTS lead_conversion_customer" \
"  ON lead_conversion(customer_id);"

/*
 * Production and counts (src/mfg).  bom: quantity of a component per
 * unit of a product, several levels (a cycle is refused when a line is
 * added).  build: one production run; its components leave by an issue
 * document (reason production) and the product enters by a build
 * document as one cost layer worth their sum; ref makes a rerun a no-op,
 * parent links a sub-assembly built by --explode.  stock_count: a count
 * of one warehouse; last_move is its snapshot (moves up to that id are in
 * expected), so moves written during the count are told apart from
 * losses; count_line holds expected and counted per item and lot, and
 * moved, variance and value once posted.  IF NOT EXISTS: the migration
 * may run again over its own tables (a database set back a version).
 */
#define SCHEMA_MFG \
"CREATE TABLE IF NOT EXISTS bom(" \
"  product TEXT NOT NULL REFERENCES item(sku)," \
"  component TEXT NOT NULL REFERENCES item(sku)," \
"  qty INTEGER NOT NULL CHECK (qty > 0)," \
"  created_at TEXT NOT NULL," \
"  PRIMARY KEY (product, component)) WITHOUT ROWID;" \
"CREATE INDEX IF NOT EXISTS bom_component ON bom(component);" \
"CREATE TABLE IF NOT EXISTS build(" \
"  id INTEGER PRIMARY KEY," \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  lot TEXT NOT NULL DEFAULT ''," \
"  qty INTEGER NOT NULL CHECK (qty > 0)," \
"  value INTEGER NOT NULL DEFAULT 0," \
"  components TEXT NOT NULL DEFAULT '[]'," \
"  ref TEXT," \
"  parent INTEGER REFERENCES build(id)," \
"  issue_doc INTEGER REFERENCES stock_doc(id)," \
"  build_doc INTEGER REFERENCES stock_doc(id)," \
"  date TEXT NOT NULL," \
"  at TEXT NOT NULL," \
"  actor TEXT NOT NULL);" \
"CREATE UNIQUE INDEX IF NOT EXISTS build_ref ON build(ref) WHERE ref IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS build_parent ON build(parent) WHERE parent IS NOT NULL;" \
"CREATE TABLE IF NOT EXISTS stock_count(" \
"  id INTEGER PRIMARY KEY," \
"  wh TEXT NOT NULL REFERENCES warehouse(code)," \
"  status TEXT NOT NULL CHECK (status IN ('open', 'posted'," \
"    'cancelled'))," \
"  last_move INTEGER NOT NULL," \
"  started_at TEXT NOT NULL," \
"  closed_at TEXT," \
"  doc_id INTEGER REFERENCES stock_doc(id)," \
"  entry_id INTEGER REFERENCES entry(id)," \
"  actor TEXT NOT NULL);" \
"CREATE TABLE IF NOT EXISTS count_line(" \
"  count_id INTEGER NOT NULL REFERENCES stock_count(id)," \
"  sku TEXT NOT NULL REFERENCES item(sku)," \
"  lot TEXT NOT NULL DEFAULT ''," \
"  expected INTEGER NOT NULL," \
"  counted INTEGER CHECK (counted >= 0)," \
"  moved INTEGER," \
"  variance INTEGER," \
"  value INTEGER," \
"  PRIMARY KEY (count_id, sku, lot)) WITHOUT ROWID;"

/*
 * Migration 8: control accounts, which only their documents post to
 * (src/books/control.c): Inventory and Goods Received Not Invoiced.
 */
#define SCHEMA_CONTROL \
"ALTER TABLE account ADD COLUMN control INTEGER NOT NULL DEFAULT 0" \
"  CHECK (control IN (0, 1));" \
"UPDATE account SET control = 1 WHERE code IN ('1300', '2100');"

/*
 * Migration 9: no stored quantity, amount or total may pass 10^17 of its
 * smallest unit (DEC_TOTAL_LIMIT), nor stop being an integer: SQLite
 * turns an integer sum that overflows into a REAL, which biz-check could
 * no longer add up.  Input is held under 10^13 (DEC_INPUT_LIMIT); a write
 * that would take a total past the limit is refused (db.c maps
 * "refused: " to exit 1).  The triggers may be created again (IF NOT
 * EXISTS), as the migration tests replay migrations.
 */
#define OVER_LIMIT_AT(column, limit) \
	"typeof(NEW." column ") <> 'integer' OR NEW." column \
	" NOT BETWEEN -" limit " AND " limit
#define LIMIT_TRIGGER_AT(name, event, table, over, what, power) \
	"CREATE TRIGGER IF NOT EXISTS " name " BEFORE " event " ON " \
	table " WHEN " over \
	" BEGIN SELECT RAISE(ABORT, 'refused: " what " (over " power " of " \
	"the smallest unit)'); END;"
#define MOVE_OVER(limit) \
	OVER_LIMIT_AT("qty", limit) " OR " OVER_LIMIT_AT("value", limit) \
	" OR " OVER_LIMIT_AT("quarantine", limit)
#define BALANCE_OVER(limit) \
	MOVE_OVER(limit) " OR " OVER_LIMIT_AT("reserved", limit)
#define LAYER_OVER(limit) \
	OVER_LIMIT_AT("qty", limit) " OR " OVER_LIMIT_AT("value", limit) \
	" OR " OVER_LIMIT_AT("remaining_qty", limit) " OR " \
	OVER_LIMIT_AT("remaining_value", limit)
#define DAY_OVER(limit) \
	OVER_LIMIT_AT("debit", limit) " OR " OVER_LIMIT_AT("credit", limit)
/* The limit triggers at a limit (its digits) named power ("10^17"). */
#define LIMIT_TRIGGERS(limit, power) \
	LIMIT_TRIGGER_AT("move_limit", "INSERT", "move", MOVE_OVER(limit), \
			 "a stock move too large", power) \
	LIMIT_TRIGGER_AT("balance_insert_limit", "INSERT", "stock_balance", \
			 BALANCE_OVER(limit), "a stock balance too large", \
			 power) \
	LIMIT_TRIGGER_AT("balance_update_limit", "UPDATE", "stock_balance", \
			 BALANCE_OVER(limit), \
			 "a stock balance would grow too large", power) \
	LIMIT_TRIGGER_AT("layer_insert_limit", "INSERT", "cost_layer", \
			 LAYER_OVER(limit), "a cost layer too large", power) \
	LIMIT_TRIGGER_AT("layer_update_limit", "UPDATE", "cost_layer", \
			 LAYER_OVER(limit), "a cost layer too large", power) \
	LIMIT_TRIGGER_AT("posting_limit", "INSERT", "posting", \
			 OVER_LIMIT_AT("amount", limit), "a posting too large", \
			 power) \
	LIMIT_TRIGGER_AT("account_day_insert_limit", "INSERT", "account_day", \
			 DAY_OVER(limit), "an account total too large", power) \
	LIMIT_TRIGGER_AT("account_day_update_limit", "UPDATE", "account_day", \
			 DAY_OVER(limit), "an account total would grow too large", \
			 power)
#define SCHEMA_LIMITS LIMIT_TRIGGERS("100000000000000000", "10^17")

/*
 * Migration 12: the limit comes down to under 10^15 of the smallest unit
 * (DEC_TOTAL_LIMIT), where a JSON number still prints every decimal
 * exactly: past it, a total printed through a double was rounded.  The
 * triggers of migration 9 are made again at the new limit; rows already
 * stored are not changed.
 */
#define DROP_LIMIT_TRIGGERS \
	"DROP TRIGGER IF EXISTS move_limit;" \
	"DROP TRIGGER IF EXISTS balance_insert_limit;" \
	"DROP TRIGGER IF EXISTS balance_update_limit;" \
	"DROP TRIGGER IF EXISTS layer_insert_limit;" \
	"DROP TRIGGER IF EXISTS layer_update_limit;" \
	"DROP TRIGGER IF EXISTS posting_limit;" \
	"DROP TRIGGER IF EXISTS account_day_insert_limit;" \
	"DROP TRIGGER IF EXISTS account_day_update_limit;"
#define SCHEMA_EXACT \
	DROP_LIMIT_TRIGGERS LIMIT_TRIGGERS("999999999999999", "10^15")

/*
 * Accounts Receivable and Accounts Payable are control accounts too:
 * biz-check compares them with the open invoices and bills, so only
 * invoices, returns and payments (1100) and bills and their payments
 * (2000) post to them; a manual entry there broke the check for good.
 * Runs twice harmlessly.
 */
#define SCHEMA_AR_AP_CONTROL \
"UPDATE account SET control = 1 WHERE code IN ('1100', '2000');"

/*
 * One entry per migration, in order; a domain adds its tables as the next
 * entry (a macro of its own above), never by editing a released one.
 */
/*
 * Semantics for scripts and cron (issue 15).  stock_doc_request keeps
 * what a document with a ref was asked to do (src/stock/ref.c), so a
 * rerun of another request under the same ref is refused.  lead_route
 * keeps the reason the last crm-assign run gave for a lead no rep could
 * take, so a cron job reports it once, and again only when the reason
 * changes; crm-lead list --unroutable reads it.  Both run twice
 * harmlessly (IF NOT EXISTS).
 */
#define SCHEMA_SEMANTICS \
"CREATE TABLE IF NOT EXISTS stock_doc_request(" \
"  doc_id INTEGER PRIMARY KEY REFERENCES stock_doc(id)," \
"  request TEXT NOT NULL);" \
"CREATE TABLE IF NOT EXISTS lead_route(" \
"  lead_id INTEGER PRIMARY KEY REFERENCES lead(id)," \
"  reason TEXT NOT NULL," \
"  at TEXT NOT NULL);"

/*
 * Tickets opened with a ref (crm-ticket open --ref, or a ref field in a
 * batch): a rerun of the same request is a no-op, another request under
 * the ref is refused.  request is the canonical JSON of what was asked.
 */
#define SCHEMA_TICKET_REF \
"CREATE TABLE IF NOT EXISTS ticket_ref(" \
"  ref TEXT PRIMARY KEY," \
"  ticket_id INTEGER NOT NULL UNIQUE REFERENCES ticket(id)," \
"  request TEXT NOT NULL) WITHOUT ROWID;"

const char *const schema_migrations[] = {
	SCHEMA_CORE SCHEMA_CRM SCHEMA_STOCK SCHEMA_LEDGER,
	SCHEMA_ACCOUNTS_2,
	SCHEMA_PURCHASE_3,
	SCHEMA_PIPELINE,
	SCHEMA_SALES,
	SCHEMA_MFG,
	SCHEMA_SERVICE,
	SCHEMA_CONTROL,
	SCHEMA_LIMITS,
	SCHEMA_SEMANTICS,
	SCHEMA_TICKET_REF,
	SCHEMA_EXACT,
	SCHEMA_AR_AP_CONTROL,
};

const size_t schema_migration_count =
	sizeof(schema_migrations) / sizeof(schema_migrations[0]);
