-- The console's review of anomaly responses. An admin clears a throttle by deleting its row; every gateway instance
-- hears of it at once on channel partner_throttle_changed (payload: the client_id) instead of at its next refresh.
CREATE FUNCTION gateway.announce_throttle_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('partner_throttle_changed', CASE WHEN TG_OP = 'DELETE' THEN OLD.client_id ELSE NEW.client_id END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER partner_throttle_changed
    AFTER INSERT OR UPDATE OR DELETE ON gateway.partner_throttle
    FOR EACH ROW EXECUTE FUNCTION gateway.announce_throttle_change();

-- An admin lifts a suspension request after review: one not applied yet is decided 'lifted' and never applied; one
-- applied ('suspended') is lifted by reactivating the partner. Either way, who and when.
ALTER TABLE gateway.partner_suspension_request
    ADD COLUMN lifted_at timestamptz,
    ADD COLUMN lifted_by text,
    DROP CONSTRAINT partner_suspension_request_decision_check,
    ADD CONSTRAINT partner_suspension_request_decision_check
        CHECK (decision IN ('suspended', 'not_active', 'dismissed', 'lifted'));
