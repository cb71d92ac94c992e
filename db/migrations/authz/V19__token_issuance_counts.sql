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
