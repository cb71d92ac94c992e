-- Every resource gateway instance caches partner status with the consents it serves; a change to a partner
-- (approval, suspension, revocation, deletion) is announced at once, with the client_id as payload.
CREATE FUNCTION registry.announce_partner_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('partner_changed', CASE WHEN TG_OP = 'DELETE' THEN OLD.client_id ELSE NEW.client_id END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER partner_changed
    AFTER INSERT OR UPDATE OR DELETE ON registry.partner
    FOR EACH ROW EXECUTE FUNCTION registry.announce_partner_change();
