-- Bank admins: the console's users, a store of their own, apart from customers (authz.customer_login).
-- Argon2id hashes like customers'. A bank opens a passkey enrolment window for an admin
-- (passkey_enrolment_until) when it hands out the account; the first passkey stored closes it in the same
-- transaction, so the window is single use.
CREATE TABLE authz.bank_admin (
    username varchar(100) PRIMARY KEY,
    display_name varchar(200) NOT NULL,
    password_hash varchar(500) NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    passkey_enrolment_until timestamptz,
    created_at timestamptz NOT NULL
);

-- Spring Security's WebAuthn tables (JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository, which use these unqualified names; the search path starts with authz),
-- from its user-entities-schema.sql and user-credentials-schema-postgres.sql with timestamptz for the
-- times. Only bank admins have passkeys: a user entity belongs to one admin and goes with it.
CREATE TABLE authz.user_entities (
    id varchar(1000) PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE REFERENCES authz.bank_admin (username) ON DELETE CASCADE,
    display_name varchar(200)
);

CREATE TABLE authz.user_credentials (
    credential_id varchar(1000) PRIMARY KEY,
    user_entity_user_id varchar(1000) NOT NULL REFERENCES authz.user_entities (id) ON DELETE CASCADE,
    public_key bytea NOT NULL,
    signature_count bigint,
    uv_initialized boolean,
    backup_eligible boolean NOT NULL,
    authenticator_transports varchar(1000),
    public_key_credential_type varchar(100),
    backup_state boolean NOT NULL,
    attestation_object bytea,
    attestation_client_data_json bytea,
    created timestamptz,
    last_used timestamptz,
    label varchar(1000) NOT NULL
);
CREATE INDEX user_credentials_user ON authz.user_credentials (user_entity_user_id);

-- What bank admins did, one row per action, in a structured form (the audit issue chains these rows).
-- Nothing updates or deletes a row.
CREATE TABLE authz.admin_action (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor varchar(200) NOT NULL,
    action varchar(64) NOT NULL,
    target_type varchar(32) NOT NULL,
    target_id varchar(200) NOT NULL,
    reason text,
    outcome varchar(16) NOT NULL,
    detail text,
    correlation_id varchar(64) NOT NULL,
    CONSTRAINT admin_action_outcome CHECK (outcome IN ('SUCCEEDED', 'REFUSED', 'FAILED'))
);
CREATE INDEX admin_action_target ON authz.admin_action (target_type, target_id, occurred_at DESC);

-- Access tokens issued per partner client and day, for the admin console's overview. Each instance counts
-- in memory and adds its counts here in batches (one upsert per client and day), off the token endpoint's
-- path; a crash loses at most one batch interval of counts, never a token.
CREATE TABLE authz.token_issuance_daily (
    client_id varchar(100) NOT NULL,
    day date NOT NULL,
    issued bigint NOT NULL,
    PRIMARY KEY (client_id, day)
);
CREATE INDEX token_issuance_daily_day ON authz.token_issuance_daily (day);
