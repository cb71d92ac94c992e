-- The public keys each software client registered, by RFC 7638 thumbprint, with the time
-- each first appeared: bank admins see when a partner rotated its keys.
CREATE TABLE registry.partner_key (
    client_id varchar(100) NOT NULL REFERENCES registry.partner (client_id) ON DELETE CASCADE,
    thumbprint varchar(64) NOT NULL,
    key_id varchar(200),
    added_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, thumbprint)
);
