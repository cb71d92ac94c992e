package com.consentry.authz.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;
import com.consentry.authz.passkeys.PasskeyUsers;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * The customers' passkeys: Spring Security's JDBC repositories (shared tables, the
 * customers' side of {@link PasskeyUsers}) for its WebAuthn filters, and what the
 * customer's pages need: whether a customer has a passkey, the list, and removal of one
 * of their own. Every passkey added or removed is an audit record. A customer who already
 * has a passkey adds or removes one only with a fresh passkey (given within
 * {@code consentry.passkeys.step-up-max-age}): the password alone must not be able to
 * replace or drop the second factor the consent step-up asks for.
 */
@Service
public class CustomerPasskeys {

	private final PasskeyUsers users;

	private final UserCredentialRepository credentials;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CustomerPseudonyms pseudonyms;

	private final PasskeyProperties properties;

	private final Clock clock;

	CustomerPasskeys(JdbcOperations jdbcOperations, JdbcClient jdbc, AuditTrail audit, CustomerPseudonyms pseudonyms,
			PasskeyProperties properties, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(audit, "audit cannot be null");
		Assert.notNull(pseudonyms, "pseudonyms cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.users = PasskeyUsers.customers(new JdbcPublicKeyCredentialUserEntityRepository(jdbcOperations));
		this.credentials = new Audited(new JdbcUserCredentialRepository(jdbcOperations));
		this.jdbc = jdbc;
		this.audit = audit;
		this.pseudonyms = pseudonyms;
		this.properties = properties;
		this.clock = clock;
	}

	PasskeyUsers users() {
		return this.users;
	}

	UserCredentialRepository credentials() {
		return this.credentials;
	}

	/** Whether the customer has at least one passkey. */
	public boolean hasPasskey(String customerId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM authz.user_credentials c JOIN authz.user_entities e "
					+ "ON e.id = c.user_entity_user_id WHERE e.customer_id = ?)")
			.param(customerId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * When the passkey that makes {@code customer}'s sign-in fresh was given (within
	 * {@code consentry.passkeys.step-up-max-age}, by the server's clock); null when none
	 * was, or too long ago.
	 */
	public @Nullable Instant freshPasskey(Authentication customer) {
		return passkeyGivenSince(customer, this.clock.instant().minus(this.properties.stepUpMaxAge()));
	}

	/** When {@code customer} gave a passkey after {@code oldest}; null if not. */
	public static @Nullable Instant passkeyGivenSince(Authentication customer, Instant oldest) {
		for (GrantedAuthority authority : customer.getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority factor
					&& FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(factor.getAuthority())
					&& factor.getIssuedAt().isAfter(oldest)) {
				return factor.getIssuedAt();
			}
		}
		return null;
	}

	/**
	 * Refuses a change to the passkeys of a customer who has one, unless the signed-in
	 * customer is that customer and gave a passkey just now.
	 */
	private void requireFreshPasskey(String customerId) {
		if (!hasPasskey(customerId)) {
			return;
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !current.getName().equals(customerId) || freshPasskey(current) == null) {
			throw new AccessDeniedException("changing a customer's passkeys needs a fresh passkey");
		}
	}

	/** The customer's passkeys, oldest first. */
	public List<Passkey> passkeysOf(String customerId) {
		PublicKeyCredentialUserEntity user = this.users.findByUsername(customerId);
		if (user == null) {
			return List.of();
		}
		return this.credentials.findByUserId(user.getId())
			.stream()
			.map(Passkey::of)
			.sorted(Comparator.comparing(Passkey::created, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * Removes the customer's passkey {@code id}; false, and nothing removed, when it is
	 * not one of theirs (or not well formed).
	 */
	public boolean remove(String customerId, String id) {
		Bytes credentialId;
		try {
			credentialId = Bytes.fromBase64(id);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		PublicKeyCredentialUserEntity user = this.users.findByUsername(customerId);
		CredentialRecord record = this.credentials.findByCredentialId(credentialId);
		if (user == null || record == null || !record.getUserEntityUserId().equals(user.getId())) {
			return false;
		}
		// the repository checks the passkey's freshness
		this.credentials.delete(credentialId);
		return true;
	}

	private void recordChange(String type, String customerId, String label) {
		this.audit.record(AuditEvent.of(type, Actor.customer(this.pseudonyms.of(customerId)), "/account", "success")
			.withDetails(Map.of("label", (label.length() > 100) ? label.substring(0, 100) : label)));
	}

	/**
	 * A passkey as the customer's page lists it.
	 *
	 * @param id the credential id, base64url
	 * @param label the name the customer gave it
	 * @param created when it was enrolled
	 * @param lastUsed when it was last used
	 */
	public record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {

		static Passkey of(CredentialRecord record) {
			return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
					record.getLastUsed());
		}

	}

	/**
	 * Spring's repository, limited to customers' passkeys, with a record of each passkey
	 * a customer adds or removes.
	 */
	private final class Audited implements UserCredentialRepository {

		private final UserCredentialRepository delegate;

		Audited(UserCredentialRepository delegate) {
			this.delegate = delegate;
		}

		@Override
		public void save(CredentialRecord record) {
			boolean added = this.delegate.findByCredentialId(record.getCredentialId()) == null;
			PublicKeyCredentialUserEntity owner = CustomerPasskeys.this.users.findById(record.getUserEntityUserId());
			Assert.state(owner != null, "a customer's passkey belongs to a customer");
			if (added) {
				requireFreshPasskey(owner.getName());
			}
			this.delegate.save(record);
			if (added) {
				recordChange("customer.passkey_enrolled", owner.getName(), record.getLabel());
			}
		}

		// Spring's DELETE endpoint (owner checked by Spring) and the account page's form
		// both end here
		@Override
		public void delete(Bytes credentialId) {
			CredentialRecord record = findByCredentialId(credentialId);
			if (record == null) {
				return;
			}
			PublicKeyCredentialUserEntity owner = CustomerPasskeys.this.users.findById(record.getUserEntityUserId());
			if (owner != null) {
				requireFreshPasskey(owner.getName());
			}
			this.delegate.delete(credentialId);
			if (owner != null) {
				recordChange("customer.passkey_removed", owner.getName(), record.getLabel());
			}
		}

		@Override
		public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
			CredentialRecord record = this.delegate.findByCredentialId(credentialId);
			// only customers' passkeys: an admin's never signs a customer in
			return (record != null && CustomerPasskeys.this.users.findById(record.getUserEntityUserId()) != null)
					? record : null;
		}

		@Override
		public List<CredentialRecord> findByUserId(Bytes userId) {
			return (CustomerPasskeys.this.users.findById(userId) != null) ? this.delegate.findByUserId(userId)
					: List.of();
		}

	}

}
