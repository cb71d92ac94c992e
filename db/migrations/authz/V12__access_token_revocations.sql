-- The resource gateway keeps what it learnt about each access token in memory. Whenever a token stops being
-- usable before its expiry (revoked, its grant revoked, replaced by a refresh, its row deleted) every gateway
-- instance is told at once, with the token's SHA-256 (hex) as payload.
CREATE FUNCTION authz.announce_access_token_revocation() RETURNS trigger AS $$
BEGIN
    IF OLD.access_token_hash IS NULL OR OLD.access_token_expires_at <= now() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE'
        OR NEW.access_token_hash IS DISTINCT FROM OLD.access_token_hash
        OR (NEW.access_token_invalidated AND NOT OLD.access_token_invalidated)
        OR (NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL) THEN
        PERFORM pg_notify('access_token_revoked', encode(OLD.access_token_hash, 'hex'));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER access_token_revoked
    AFTER UPDATE OR DELETE ON authz.authorization
    FOR EACH ROW EXECUTE FUNCTION authz.announce_access_token_revocation();
