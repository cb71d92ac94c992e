-- The resource gateway's own state, shared by all its instances. The gateway migrates only this schema (its own
-- history table, gateway.flyway_schema_history); it reads consent, registry and authz tables and never writes them.
CREATE SCHEMA IF NOT EXISTS gateway;

-- DPoP proofs accepted at the gateway (RFC 9449 §11.1): a proof replayed at any instance finds its row. Only a
-- SHA-256 of key thumbprint and jti is kept, until the proof could no longer be accepted anyway.
CREATE TABLE gateway.dpop_proof (
    proof_hash bytea PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX dpop_proof_expiry ON gateway.dpop_proof (expires_at);

-- Rate-limit buckets (Bucket4j's PostgreSQL layout): one per partner and one per customer-partner pair.
CREATE TABLE gateway.rate_limit_bucket (
    id bigint PRIMARY KEY,
    state bytea,
    expires_at bigint
);
