// Minting is idempotent per key: one CodeIssue per idempotency key, even under concurrent retries.
CREATE CONSTRAINT code_issue_key IF NOT EXISTS FOR (i:CodeIssue) REQUIRE i.idempotencyKey IS UNIQUE;
// Consumers' problem reports, by number.
CREATE CONSTRAINT problem_report_number IF NOT EXISTS FOR (r:ProblemReport) REQUIRE r.number IS UNIQUE;
CREATE INDEX problem_report_reported_at IF NOT EXISTS FOR (r:ProblemReport) ON (r.reportedAt);
// Scan events by time (retention, reports) and clone flags for the inspectors' list.
CREATE INDEX scan_event_scanned_at IF NOT EXISTS FOR (s:ScanEvent) ON (s.scannedAt);
CREATE INDEX clone_flag_rule IF NOT EXISTS FOR (f:CloneFlag) ON (f.rule);
CREATE INDEX clone_flag_flagged_at IF NOT EXISTS FOR (f:CloneFlag) ON (f.flaggedAt);
// Recalls are read on every scan of a unit: by batch through RECALLS, and by status.
CREATE INDEX recall_status IF NOT EXISTS FOR (r:Recall) ON (r.status);
