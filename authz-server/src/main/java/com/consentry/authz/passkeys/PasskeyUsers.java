package com.consentry.authz.passkeys;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.util.Assert;

/**
 * One side's view of the passkey users in {@code authz.user_entities}, which bank admins
 * and customers share (Spring Security's JDBC repository names its table). A customer's
 * entity is stored as {@value #CUSTOMER_PREFIX}{@code <customer id>} and shown to Spring
 * Security under the customer id; the admins' side sees only names without that prefix,
 * which the database refuses as an admin's name. So a passkey of one side never finds a
 * user on the other: an admin's passkey signs no customer in, and a customer's no admin.
 */
public final class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	static final String CUSTOMER_PREFIX = "customer:";

	private final PublicKeyCredentialUserEntityRepository table;

	private final boolean customers;

	private PasskeyUsers(PublicKeyCredentialUserEntityRepository table, boolean customers) {
		Assert.notNull(table, "table cannot be null");
		this.table = table;
		this.customers = customers;
	}

	/** The customers' passkey users, named by customer id. */
	public static PasskeyUsers customers(PublicKeyCredentialUserEntityRepository table) {
		return new PasskeyUsers(table, true);
	}

	/** The bank admins' passkey users, named by admin user name. */
	public static PasskeyUsers bankAdmins(PublicKeyCredentialUserEntityRepository table) {
		return new PasskeyUsers(table, false);
	}

	@Override
	public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
		return shown(this.table.findById(id));
	}

	@Override
	public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
		if (!this.customers && username.startsWith(CUSTOMER_PREFIX)) {
			return null;
		}
		return shown(this.table.findByUsername(stored(username)));
	}

	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		Assert.isTrue(this.customers || !userEntity.getName().startsWith(CUSTOMER_PREFIX),
				"an admin cannot be named like a customer");
		this.table.save(renamed(userEntity, stored(userEntity.getName())));
	}

	@Override
	public void delete(Bytes id) {
		if (findById(id) != null) {
			this.table.delete(id);
		}
	}

	private String stored(String username) {
		return this.customers ? CUSTOMER_PREFIX + username : username;
	}

	private @Nullable PublicKeyCredentialUserEntity shown(@Nullable PublicKeyCredentialUserEntity stored) {
		if (stored == null || stored.getName().startsWith(CUSTOMER_PREFIX) != this.customers) {
			return null;
		}
		return this.customers ? renamed(stored, stored.getName().substring(CUSTOMER_PREFIX.length())) : stored;
	}

	private static PublicKeyCredentialUserEntity renamed(PublicKeyCredentialUserEntity entity, String name) {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(entity.getId())
			.name(name)
			.displayName(entity.getDisplayName())
			.build();
	}

}
