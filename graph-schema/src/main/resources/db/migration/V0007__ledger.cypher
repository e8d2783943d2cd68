// The tamper-evident ledger: one entry per sequence number.
CREATE CONSTRAINT ledger_entry_seq IF NOT EXISTS FOR (e:LedgerEntry) REQUIRE e.seq IS UNIQUE;
// A partner reads its own organization's entries, newest first.
CREATE INDEX ledger_entry_organization_seq IF NOT EXISTS FOR (e:LedgerEntry) ON (e.organization, e.seq);
// The single head every append locks; unique so that two first appends cannot create two heads.
CREATE CONSTRAINT ledger_head_id IF NOT EXISTS FOR (h:LedgerHead) REQUIRE h.id IS UNIQUE;
// Merkle checkpoints in order, and the one covering an entry (the first ending at or after it).
CREATE CONSTRAINT ledger_checkpoint_number IF NOT EXISTS FOR (c:LedgerCheckpoint) REQUIRE c.number IS UNIQUE;
CREATE INDEX ledger_checkpoint_to_seq IF NOT EXISTS FOR (c:LedgerCheckpoint) ON (c.toSeq);
