-- Authorizations (PAR requests, consent-page states, codes, access and refresh tokens) in a table of our
-- own, replacing Spring Authorization Server's reference table: every secret is kept only as a SHA-256 and
-- looked up by it, so a dump of this table yields no usable credential; what each path reads is a plain
-- column. Authorizations of the old table are not carried over: their codes and tokens stop working and
-- partners authorize again (the consents themselves are untouched).
DROP TABLE authz.oauth2_authorization;

CREATE TABLE authz.authorization (
    id varchar(100) PRIMARY KEY,
    -- bumped by every write: a write based on an older read is refused (single use of codes and refresh tokens)
    version bigint NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    grant_type varchar(100) NOT NULL,
    authorized_scopes text,
    consent_id varchar(100),
    -- the authorization request (RFC 6749 §4.1.1, pushed per RFC 9126)
    request_authorization_uri text,
    request_client_id varchar(100),
    request_redirect_uri text,
    request_scopes text,
    request_state text,
    request_parameters text,
    -- the request_uri's reference or the consent page's state
    state_hash bytea,
    code_hash bytea,
    code_issued_at timestamptz,
    code_expires_at timestamptz,
    code_invalidated boolean NOT NULL DEFAULT false,
    access_token_hash bytea,
    access_token_type varchar(20),
    access_token_issued_at timestamptz,
    access_token_expires_at timestamptz,
    access_token_scopes text,
    access_token_claims text,
    access_token_invalidated boolean NOT NULL DEFAULT false,
    refresh_token_hash bytea,
    refresh_token_issued_at timestamptz,
    refresh_token_expires_at timestamptz,
    refresh_token_invalidated boolean NOT NULL DEFAULT false,
    id_token_hash bytea,
    id_token_issued_at timestamptz,
    id_token_expires_at timestamptz,
    id_token_claims text,
    -- set once when the whole grant is revoked (a code redeemed twice, a refresh token revoked); never cleared
    revoked_at timestamptz,
    -- whether a signed-in customer stands behind the authorization (not yet, for a pushed request)
    customer_principal boolean NOT NULL DEFAULT false,
    -- when nothing in the row can be used any more: the purge job deletes it after this
    expires_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX authorization_state ON authz.authorization (state_hash);
CREATE UNIQUE INDEX authorization_code ON authz.authorization (code_hash);
CREATE UNIQUE INDEX authorization_access_token ON authz.authorization (access_token_hash);
CREATE UNIQUE INDEX authorization_refresh_token ON authz.authorization (refresh_token_hash);
CREATE INDEX authorization_consent ON authz.authorization (consent_id);
CREATE INDEX authorization_client ON authz.authorization (registered_client_id);
CREATE INDEX authorization_expiry ON authz.authorization (expires_at);

-- Spring's remembered consents are not kept: FDX asks the customer every time and records the FDX consent.
DROP TABLE authz.oauth2_authorization_consent;

-- Every instance caches registered clients; a change by any instance (or by hand) tells all of them.
CREATE FUNCTION authz.announce_registered_client_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('registered_client_changed',
        CASE WHEN TG_OP = 'DELETE' THEN OLD.client_id ELSE NEW.client_id END);
    IF TG_OP = 'UPDATE' AND OLD.client_id <> NEW.client_id THEN
        PERFORM pg_notify('registered_client_changed', OLD.client_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER registered_client_changed
    AFTER INSERT OR UPDATE OR DELETE ON authz.oauth2_registered_client
    FOR EACH ROW EXECUTE FUNCTION authz.announce_registered_client_change();
