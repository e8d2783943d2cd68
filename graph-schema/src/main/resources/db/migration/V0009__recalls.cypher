// A recall is known by its number (RCL-{day}-{random}): the key of recall(number) and of global IDs.
CREATE CONSTRAINT recall_number IF NOT EXISTS FOR (r:Recall) REQUIRE r.number IS UNIQUE;
// The recall list is newest first (the status filter uses recall_status from V0005).
CREATE INDEX recall_initiated_at IF NOT EXISTS FOR (r:Recall) ON (r.initiatedAt);
