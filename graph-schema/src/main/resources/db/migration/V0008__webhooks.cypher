// Webhook subscriptions and their deliveries, by id.
CREATE CONSTRAINT webhook_subscription_id IF NOT EXISTS FOR (s:WebhookSubscription) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE;
