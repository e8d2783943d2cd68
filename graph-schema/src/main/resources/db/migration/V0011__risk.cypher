// Blacklist: entries by id (global IDs, removal); at most one active entry per target (activeTarget is
// 'Organization:{gln}' or 'Premises:{gln}' while active, removed with the entry); active entries are read by every
// risk score and port check.
CREATE CONSTRAINT blacklisting_id IF NOT EXISTS FOR (b:Blacklisting) REQUIRE b.id IS UNIQUE;
CREATE CONSTRAINT blacklisting_active_target IF NOT EXISTS FOR (b:Blacklisting) REQUIRE b.activeTarget IS UNIQUE;
CREATE INDEX blacklisting_active IF NOT EXISTS FOR (b:Blacklisting) ON (b.active);
