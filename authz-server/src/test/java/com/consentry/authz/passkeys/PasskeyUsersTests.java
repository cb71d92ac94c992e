package com.consentry.authz.passkeys;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.MapPublicKeyCredentialUserEntityRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Admins and customers share one table of passkey users (Spring Security's in-memory
 * repository stands in for it here): each side finds only its own, under its own names.
 */
class PasskeyUsersTests {

	private final MapPublicKeyCredentialUserEntityRepository table = new MapPublicKeyCredentialUserEntityRepository();

	private final PasskeyUsers customers = PasskeyUsers.customers(this.table);

	private final PasskeyUsers admins = PasskeyUsers.bankAdmins(this.table);

	@Test
	@DisplayName("Issue 12 (6): a customer's passkey user is stored under customer: and found by customer id on the customers' side only")
	void customersAreTheirOwnNamespace() {
		PublicKeyCredentialUserEntity customer = user("cust-1");
		this.customers.save(customer);

		assertThat(this.table.findById(customer.getId()).getName()).isEqualTo("customer:cust-1");
		assertThat(this.customers.findByUsername("cust-1").getId()).isEqualTo(customer.getId());
		assertThat(this.customers.findById(customer.getId()).getName()).isEqualTo("cust-1");
		assertThat(this.admins.findById(customer.getId())).as("a customer's passkey signs no admin in").isNull();
		assertThat(this.admins.findByUsername("customer:cust-1")).isNull();
		assertThat(this.admins.findByUsername("cust-1")).isNull();
	}

	@Test
	@DisplayName("Issue 12 (6): an admin's passkey user is invisible to the customers' side, even for a customer id equal to the admin's name")
	void adminsStayAdmins() {
		PublicKeyCredentialUserEntity admin = user("ops-admin");
		this.admins.save(admin);

		assertThat(this.admins.findByUsername("ops-admin").getId()).isEqualTo(admin.getId());
		assertThat(this.customers.findById(admin.getId())).as("an admin's passkey signs no customer in").isNull();
		assertThat(this.customers.findByUsername("ops-admin")).isNull();
		this.customers.delete(admin.getId());
		assertThat(this.admins.findById(admin.getId())).as("nor may the customers' side remove it").isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> this.admins.save(user("customer:cust-1")));
	}

	private static PublicKeyCredentialUserEntity user(String name) {
		return ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name(name).displayName(name).build();
	}

}
