package com.consentry.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import com.consentry.registry.Partner;
import com.consentry.registry.PartnerStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Partners in {@code registry.partner}, and removal of a partner's client from
 * {@code authz.oauth2_registered_client} (Spring's {@code RegisteredClientRepository}
 * cannot delete). Callers own the transaction.
 */
@Component
public final class PartnerStore {

	private static final String PARTNER_COLUMNS = "client_id, org_id, org_name, client_name, status";

	private final JdbcClient jdbc;

	public PartnerStore(JdbcClient jdbc) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		this.jdbc = jdbc;
	}

	public Optional<Partner> find(String clientId) {
		return this.jdbc.sql("SELECT " + PARTNER_COLUMNS + " FROM registry.partner WHERE client_id = ?")
			.param(clientId)
			.query((rs, row) -> partner(rs))
			.optional();
	}

	public Optional<PartnerRegistration> findRegistration(String clientId) {
		return this.jdbc
			.sql("SELECT " + PARTNER_COLUMNS + ", software_id, directory_issuer, "
					+ "registration_access_token_hash, metadata, created_at, updated_at "
					+ "FROM registry.partner WHERE client_id = ?")
			.param(clientId)
			.query((rs, row) -> new PartnerRegistration(partner(rs), rs.getString("software_id"),
					rs.getString("directory_issuer"), rs.getBytes("registration_access_token_hash"),
					rs.getString("metadata"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	public void insert(PartnerRegistration registration) {
		Partner partner = registration.partner();
		this.jdbc
			.sql("INSERT INTO registry.partner (client_id, org_id, org_name, client_name, software_id, "
					+ "directory_issuer, status, registration_access_token_hash, metadata, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(partner.clientId(), partner.orgId(), partner.orgName(), partner.clientName(),
					registration.softwareId(), registration.directoryIssuer(), partner.status().name(),
					registration.registrationAccessTokenHash(), registration.metadataJson(),
					OffsetDateTime.ofInstant(registration.createdAt(), ZoneOffset.UTC),
					OffsetDateTime.ofInstant(registration.updatedAt(), ZoneOffset.UTC))
			.update();
	}

	/**
	 * Writes the names, software id, metadata, new registration access token hash and
	 * update time of an RFC 7592 §2.2 update, provided the row still belongs to the same
	 * organisation, is not revoked and holds the previous token's hash: one statement, so
	 * of two updates with one token only one succeeds, and the old token stops working
	 * when it commits. Status, directory and creation time are never written here.
	 * @param previousTokenHash the hash of the token the update was authorized with
	 * @return whether the partner was updated (not when it was deleted, revoked or its
	 * token replaced meanwhile)
	 */
	public boolean update(PartnerRegistration registration, byte[] previousTokenHash) {
		Partner partner = registration.partner();
		int updated = this.jdbc.sql("UPDATE registry.partner SET org_name = ?, client_name = ?, software_id = ?, "
				+ "metadata = ?, registration_access_token_hash = ?, updated_at = ? "
				+ "WHERE client_id = ? AND org_id = ? AND registration_access_token_hash = ? AND status <> 'REVOKED'")
			.params(partner.orgName(), partner.clientName(), registration.softwareId(), registration.metadataJson(),
					registration.registrationAccessTokenHash(),
					OffsetDateTime.ofInstant(registration.updatedAt(), ZoneOffset.UTC), partner.clientId(),
					partner.orgId(), previousTokenHash)
			.update();
		return updated > 0;
	}

	/**
	 * Deletes the partner, its registered client and the client's authorizations (RFC
	 * 7592 §2.3: deleting a client invalidates its grants and tokens).
	 * @return whether a partner was deleted
	 */
	public boolean delete(String clientId) {
		int partners = this.jdbc.sql("DELETE FROM registry.partner WHERE client_id = ?").param(clientId).update();
		removeClient(clientId);
		return partners > 0;
	}

	/**
	 * Deletes the partner's registered client and the client's authorizations (codes,
	 * tokens, pushed requests), keeping its row in {@code registry.partner}: a revoked
	 * partner's row stays, so its {@code client_id} is never served again.
	 */
	public void removeClient(String clientId) {
		Optional<String> registeredClientId = this.jdbc
			.sql("SELECT id FROM authz.oauth2_registered_client WHERE client_id = ?")
			.param(clientId)
			.query(String.class)
			.optional();
		registeredClientId.ifPresent((id) -> {
			this.jdbc.sql("DELETE FROM authz.authorization WHERE registered_client_id = ?").param(id).update();
			this.jdbc.sql("DELETE FROM authz.oauth2_registered_client WHERE id = ?").param(id).update();
		});
	}

	private static Partner partner(ResultSet rs) throws SQLException {
		return new Partner(rs.getString("client_id"), rs.getString("org_id"), rs.getString("org_name"),
				rs.getString("client_name"), PartnerStatus.valueOf(rs.getString("status")));
	}

}
