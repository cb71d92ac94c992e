package com.consentry.authz.admin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The bank's first console admin ({@code consentry.admin.bootstrap.*}), created at start
 * when none of that name exists, with a passkey enrolment window: the operator's way in
 * where passkeys are required. Set both or neither; remove them once the admin has
 * enrolled.
 *
 * @param username the admin's user name
 * @param password the admin's first password, at least {@value #MIN_PASSWORD} characters
 * @param enrolmentWindow how long after the start the admin may enrol a first passkey
 */
@ConfigurationProperties("consentry.admin.bootstrap")
public record AdminBootstrapProperties(@Nullable String username, @Nullable String password,
		@DefaultValue("24h") Duration enrolmentWindow) {

	static final int MIN_PASSWORD = 12;

	public AdminBootstrapProperties {
		boolean hasName = username != null && !username.isBlank();
		boolean hasPassword = password != null && !password.isBlank();
		Assert.isTrue(hasName == hasPassword,
				"consentry.admin.bootstrap.username and consentry.admin.bootstrap.password go together");
		Assert.isTrue(!hasPassword || password.length() >= MIN_PASSWORD,
				"consentry.admin.bootstrap.password must have at least " + MIN_PASSWORD + " characters");
		Assert.isTrue(!enrolmentWindow.isNegative() && !enrolmentWindow.isZero(),
				"consentry.admin.bootstrap.enrolment-window must be positive");
	}

	boolean isSet() {
		return this.username != null && !this.username.isBlank();
	}

}
