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

/* Settings and the event log: the audit trail and integration feed. */
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
"  data TEXT NOT NULL DEFAULT '{}');" \
"CREATE INDEX event_entity ON event(entity, entity_id);"

/*
 * CRM.  A lead's email_key (lower-case email) and phone_key (digits only)
 * are the deduplication keys.  A rep's open leads are counted from lead,
 * never stored.  assign_state keeps each rule's rotation between runs.
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
"CREATE INDEX lead_status ON lead(status, owner);" \
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

/* Inventory: warehouses, items, lots, serials, moves, layers, balances. */
#define SCHEMA_STOCK \
"CREATE TABLE warehouse(" \
"  code TEXT PRIMARY KEY," \
"  name TEXT NOT NULL," \
"  created_at TEXT NOT NULL);"

/*
 * Ledger.  Entries and postings are immutable: triggers refuse UPDATE and
 * DELETE, so a correction is always a new (reversing) entry.  posting
 * repeats its entry's date so reports by date read one index.
 * posting_rule maps each kind of automatic posting to its accounts.
 */
#define SCHEMA_LEDGER \
"CREATE TABLE account(" \
"  code TEXT PRIMARY KEY," \
"  name TEXT NOT NULL UNIQUE," \
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
"CREATE UNIQUE INDEX entry_manual_ref ON entry(ref)" \
"  WHERE source = 'manual' AND ref IS NOT NULL;" \
"CREATE TABLE posting(" \
"  id INTEGER PRIMARY KEY," \
"  entry_id INTEGER NOT NULL REFERENCES entry(id)," \
"  account TEXT NOT NULL REFERENCES account(code)," \
"  date TEXT NOT NULL," \
"  amount INTEGER NOT NULL);" \
"CREATE INDEX posting_entry ON posting(entry_id);" \
"CREATE INDEX posting_account ON posting(account, date, amount);" \
"CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TRIGGER entry_undeletable BEFORE DELETE ON entry" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TRIGGER posting_immutable BEFORE UPDATE ON posting" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TRIGGER posting_undeletable BEFORE DELETE ON posting" \
"  BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;" \
"CREATE TABLE posting_rule(" \
"  kind TEXT PRIMARY KEY," \
"  debit TEXT NOT NULL REFERENCES account(code)," \
"  credit TEXT NOT NULL REFERENCES account(code));"

const char *const schema_migrations[] = {
	SCHEMA_CORE SCHEMA_CRM SCHEMA_STOCK SCHEMA_LEDGER,
};

const size_t schema_migration_count =
	sizeof(schema_migrations) / sizeof(schema_migrations[0]);
