// The tamper-evident ledger: one entry per sequence number.
CREATE CONSTRAINT ledger_entry_seq IF NOT EXISTS FOR (e:LedgerEntry) REQUIRE e.seq IS UNIQUE;
