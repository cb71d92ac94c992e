-- Behavioural anomaly detection (docs/architecture.md, "Anomaly detection"). Every gateway instance writes its own
-- hourly counts per partner; each reads the others' and scores their sum, so the baseline survives restarts and
-- every instance contributes.
CREATE TABLE gateway.partner_traffic_hour (
    client_id text NOT NULL,
    hour_start timestamptz NOT NULL,
    instance_id text NOT NULL,
    requests bigint NOT NULL CHECK (requests >= 0),
    denials bigint NOT NULL CHECK (denials >= 0),
    PRIMARY KEY (client_id, hour_start, instance_id)
);
CREATE INDEX partner_traffic_hour_start ON gateway.partner_traffic_hour (hour_start);

-- DPoP key thumbprints (RFC 7638) each partner's tokens were bound to: a key not in here is new for the partner.
CREATE TABLE gateway.partner_dpop_key (
    client_id text NOT NULL,
    jkt text NOT NULL,
    first_seen timestamptz NOT NULL,
    PRIMARY KEY (client_id, jkt)
);

-- What the detectors found, with the evidence, for the bank's admins (the console reads it). Append-only.
CREATE TABLE gateway.anomaly_alert (
    id bigserial PRIMARY KEY,
    client_id text NOT NULL,
    detector text NOT NULL,
    raised_at timestamptz NOT NULL,
    score double precision NOT NULL,
    response text NOT NULL CHECK (response IN ('alert', 'throttle', 'suspend')),
    evidence jsonb NOT NULL,
    instance_id text NOT NULL
);
CREATE INDEX anomaly_alert_raised ON gateway.anomaly_alert (raised_at DESC);
CREATE INDEX anomaly_alert_partner ON gateway.anomaly_alert (client_id, raised_at DESC);

-- Partners throttled to tier LIMITED by an alert, until an admin clears the row.
CREATE TABLE gateway.partner_throttle (
    client_id text PRIMARY KEY,
    alert_id bigint NOT NULL REFERENCES gateway.anomaly_alert (id),
    since timestamptz NOT NULL
);

-- Suspensions the detector asks for; the gateway cannot change a partner's status (it never writes registry), so
-- the authorization server applies a request through PartnerGovernance and records the decision here.
CREATE TABLE gateway.partner_suspension_request (
    alert_id bigint PRIMARY KEY REFERENCES gateway.anomaly_alert (id),
    client_id text NOT NULL,
    reason text NOT NULL,
    requested_at timestamptz NOT NULL,
    decided_at timestamptz,
    decision text CHECK (decision IN ('suspended', 'not_active', 'dismissed'))
);
CREATE INDEX partner_suspension_request_open ON gateway.partner_suspension_request (requested_at)
    WHERE decided_at IS NULL;
