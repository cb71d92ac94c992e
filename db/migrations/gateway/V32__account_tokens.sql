-- Tokenized account numbers (docs/architecture.md, "Tokenized account numbers"): the vault that maps the token a
-- partner was given in place of an account number back to the account, for the bank's payment intake. The real
-- number is never stored here (the core keeps it); the token only as an HMAC digest under the gateway's secret, so
-- a copy of this table yields no number a payment could be sent to.
CREATE TABLE gateway.account_token (
    id bigserial PRIMARY KEY,
    token_digest bytea NOT NULL UNIQUE,
    -- which derivation of the token (0, 1, ...): the gateway recomputes the token from it on a repeat call
    attempt integer NOT NULL CHECK (attempt >= 0),
    format text NOT NULL CHECK (format IN ('format-preserving', 'opaque')),
    client_id text NOT NULL,
    consent_id text NOT NULL,
    account_id text NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_reason text,
    revoked_by text,
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
-- One live token per partner, consent and account: concurrent first calls on any instance meet here
-- (INSERT ... ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX account_token_live ON gateway.account_token (client_id, consent_id, account_id)
    WHERE revoked_at IS NULL;
CREATE INDEX account_token_consent ON gateway.account_token (consent_id) WHERE revoked_at IS NULL;
CREATE INDEX account_token_partner ON gateway.account_token (client_id, created_at DESC);
