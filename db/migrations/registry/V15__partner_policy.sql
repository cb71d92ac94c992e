-- Per-organisation policy: what a partner may ask for at PAR and its gateway rate-limit
-- tier. An organisation without a row has the bank's configured default.
CREATE TABLE registry.partner_policy (
    org_id varchar(200) PRIMARY KEY,
    allowed_data_clusters text NOT NULL,
    max_duration_days int NOT NULL CHECK (max_duration_days > 0),
    max_lookback_days int NOT NULL CHECK (max_lookback_days >= 0),
    rate_limit_tier varchar(16) NOT NULL CHECK (rate_limit_tier IN ('LIMITED', 'STANDARD', 'ELEVATED')),
    updated_at timestamptz NOT NULL
);

-- Each instance caches policies per organisation and drops one when it is notified here.
CREATE FUNCTION registry.notify_partner_policy_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('partner_policy_changed', CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER partner_policy_changed AFTER INSERT OR UPDATE OR DELETE ON registry.partner_policy
    FOR EACH ROW EXECUTE FUNCTION registry.notify_partner_policy_changed();
