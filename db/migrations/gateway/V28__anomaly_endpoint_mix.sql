-- Endpoint mix and accounts per consent join the hourly baseline (docs/architecture.md, "Anomaly detection"):
-- requests per endpoint family ({"transactions": 120, "payment_networks": 3, ...}) and the most different accounts
-- any one consent read in the hour, per instance like the other counts.
ALTER TABLE gateway.partner_traffic_hour
    ADD COLUMN endpoints jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN consent_accounts integer NOT NULL DEFAULT 0 CHECK (consent_accounts >= 0);
