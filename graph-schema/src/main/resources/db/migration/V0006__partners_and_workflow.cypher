// Partner identity: users and machine clients by their login names; refresh tokens by the hash of the token.
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE;
CREATE CONSTRAINT api_client_id IF NOT EXISTS FOR (c:ApiClient) REQUIRE c.clientId IS UNIQUE;
CREATE CONSTRAINT refresh_token_hash IF NOT EXISTS FOR (t:RefreshToken) REQUIRE t.tokenHash IS UNIQUE;
CREATE INDEX refresh_token_family IF NOT EXISTS FOR (t:RefreshToken) ON (t.family);
// Applications (registration, record filing) by number; a retried mutation finds its first result by key.
CREATE CONSTRAINT application_number IF NOT EXISTS FOR (a:Application) REQUIRE a.number IS UNIQUE;
CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.key IS UNIQUE;
