-- Authorization server state. The three oauth2_* tables follow Spring Authorization Server's
-- reference DDL, adapted for PostgreSQL as its own header asks (blob -> text, timestamp -> timestamptz),
-- with client_settings widened to hold inline client JWKS.
CREATE SCHEMA IF NOT EXISTS authz;

CREATE TABLE authz.oauth2_registered_client (
    id varchar(100) NOT NULL,
    client_id varchar(100) NOT NULL UNIQUE,
    client_id_issued_at timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret varchar(200) DEFAULT NULL,
    client_secret_expires_at timestamptz DEFAULT NULL,
    client_name varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types varchar(1000) NOT NULL,
    redirect_uris varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris varchar(1000) DEFAULT NULL,
    scopes varchar(1000) NOT NULL,
    client_settings text NOT NULL,
    token_settings text NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE authz.oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes text DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value text DEFAULT NULL,
    authorization_code_issued_at timestamptz DEFAULT NULL,
    authorization_code_expires_at timestamptz DEFAULT NULL,
    authorization_code_metadata text DEFAULT NULL,
    access_token_value text DEFAULT NULL,
    access_token_issued_at timestamptz DEFAULT NULL,
    access_token_expires_at timestamptz DEFAULT NULL,
    access_token_metadata text DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value text DEFAULT NULL,
    oidc_id_token_issued_at timestamptz DEFAULT NULL,
    oidc_id_token_expires_at timestamptz DEFAULT NULL,
    oidc_id_token_metadata text DEFAULT NULL,
    refresh_token_value text DEFAULT NULL,
    refresh_token_issued_at timestamptz DEFAULT NULL,
    refresh_token_expires_at timestamptz DEFAULT NULL,
    refresh_token_metadata text DEFAULT NULL,
    user_code_value text DEFAULT NULL,
    user_code_issued_at timestamptz DEFAULT NULL,
    user_code_expires_at timestamptz DEFAULT NULL,
    user_code_metadata text DEFAULT NULL,
    device_code_value text DEFAULT NULL,
    device_code_issued_at timestamptz DEFAULT NULL,
    device_code_expires_at timestamptz DEFAULT NULL,
    device_code_metadata text DEFAULT NULL,
    PRIMARY KEY (id)
);
-- Every lookup of an authorization is by one of these values: hash indexes keep them O(1)
-- whatever the token length.
CREATE INDEX oauth2_authorization_state ON authz.oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_code ON authz.oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token ON authz.oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON authz.oauth2_authorization USING hash (refresh_token_value);

CREATE TABLE authz.oauth2_authorization_consent (
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorities varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- Server signing keys. Private halves are sealed with AES-256-GCM under consentry.keys.encryption-key.
CREATE TABLE authz.signing_key (
    kid varchar(100) PRIMARY KEY,
    alg varchar(10) NOT NULL,
    public_jwk text NOT NULL,
    sealed_private_jwk bytea NOT NULL,
    created_at timestamptz NOT NULL,
    retired_at timestamptz
);

-- Single-use identifiers (DPoP proof jti, client assertion jti), shared by every instance.
-- Only a SHA-256 of purpose and value is kept.
CREATE TABLE authz.used_jti (
    jti_hash bytea PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX used_jti_expiry ON authz.used_jti (expires_at);

-- Secrets every instance must share (e.g. the DPoP nonce key), generated once on first start.
CREATE TABLE authz.server_secret (
    name varchar(100) PRIMARY KEY,
    secret bytea NOT NULL,
    created_at timestamptz NOT NULL
);

-- Customers who sign in at the authorization endpoint. Passwords are Argon2id hashes.
CREATE TABLE authz.customer_login (
    username varchar(100) PRIMARY KEY,
    customer_id varchar(64) NOT NULL UNIQUE,
    password_hash varchar(200) NOT NULL,
    failed_attempts int NOT NULL DEFAULT 0,
    locked_until timestamptz
);
