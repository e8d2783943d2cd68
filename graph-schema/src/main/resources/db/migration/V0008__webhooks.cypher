// Webhook subscriptions and their deliveries, by id.
CREATE CONSTRAINT webhook_subscription_id IF NOT EXISTS FOR (s:WebhookSubscription) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE;
// Creating a subscription is idempotent per key (scoped to the organization), even under concurrent retries.
CREATE CONSTRAINT webhook_subscription_idempotency_key IF NOT EXISTS FOR (s:WebhookSubscription) REQUIRE s.idempotencyKey IS UNIQUE;
// The dispatcher polls for due deliveries: PENDING ones whose next attempt has come.
CREATE INDEX webhook_delivery_due IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.status, d.nextAttemptAt);
// Delivery lists are newest first.
CREATE INDEX webhook_delivery_created_at IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.createdAt);
// The tamper-evident ledger: one entry per sequence number.
CREATE CONSTRAINT ledger_entry_seq IF NOT EXISTS FOR (e:LedgerEntry) REQUIRE e.seq IS UNIQUE;
