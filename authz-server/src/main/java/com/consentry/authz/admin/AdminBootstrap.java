package com.consentry.authz.admin;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Creates the bank's first console admin from {@link AdminBootstrapProperties} and opens
 * its passkey enrolment window. Only ever adds an admin that does not exist: a restart
 * with the settings still present changes nothing, and never reopens a window.
 */
@Component
final class AdminBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AdminBootstrapProperties properties;

	private final BankAdmins admins;

	private final PasswordEncoder passwords;

	private final Clock clock;

	AdminBootstrap(AdminBootstrapProperties properties, BankAdmins admins, PasswordEncoder passwords, Clock clock) {
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(admins, "admins cannot be null");
		Assert.notNull(passwords, "passwords cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.properties = properties;
		this.admins = admins;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = this.properties.username();
		String password = this.properties.password();
		if (!this.properties.isSet() || username == null || password == null || this.admins.exists(username)) {
			return;
		}
		Instant now = this.clock.instant();
		if (this.admins.saveIfAbsent(username, username, this.passwords.encode(password), now)) {
			Instant until = now.plus(this.properties.enrolmentWindow());
			this.admins.openPasskeyEnrolment(username, until);
			logger.info("Bank console admin {} created; it may enrol a first passkey until {}", username, until);
		}
	}

}
