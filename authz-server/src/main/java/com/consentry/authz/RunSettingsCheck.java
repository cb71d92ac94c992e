package com.consentry.authz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.consentry.tls.LocalCertificateAuthority;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a run whose settings mix the demo with a real deployment, before any
 * other bean is made.
 * <p>
 * The demo run is the issuer on loopback with the embedded database (no
 * {@code spring.datasource.url}). Only there may the demo customers
 * ({@code consentry.demo.enabled}) and demo admin, bank admins without a passkey
 * ({@code consentry.admin.passkey-required=false}), auto-approved partners
 * ({@code consentry.registry.auto-approve}), the generated demo directory
 * ({@code consentry.registry.directory.demo-keys-directory}) and the demo run's
 * key-sealing key be used: {@code application-default.yaml} loads whenever no profile is
 * active, also with a public issuer and an external database. A production run (any
 * issuer off loopback) must name its https issuer, key-sealing key, directory keys and
 * database; the message lists every setting that is missing or wrong. An https issuer is
 * served by the server itself (an SSL bundle, {@code server.ssl.bundle}) or by a proxy in
 * front; a server that serves TLS has an https issuer, and the certificates of the tls
 * run ({@link LocalCertificateAuthority}) are for a loopback issuer only.
 */
@Component
final class RunSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	// SHA-256 of the key-sealing key in application-default.yaml, which anyone can read
	private static final String DEMO_SEALING_KEY_SHA256 = "cb2a755dd1324ff4a93f7773ed0ec406d051c63f494fe98925c7ae8c6f77aef4";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment != null) {
			check(this.environment);
		}
	}

	static void check(Environment environment) {
		String issuer = text(environment, "consentry.issuer");
		String sealingKey = text(environment, "consentry.keys.encryption-key");
		boolean loopbackIssuer = issuer != null && IssuerIdentifier.isLoopback(issuer);
		boolean embeddedDatabase = text(environment, "spring.datasource.url") == null;
		List<String> problems = new ArrayList<>();
		if (!(loopbackIssuer && embeddedDatabase)) {
			String outsideDemo = " is for the demo run only (issuer on loopback and the embedded database); "
					+ "a production run activates a profile (SPRING_PROFILES_ACTIVE) so application-default.yaml "
					+ "does not load";
			if (environment.getProperty("consentry.demo.enabled", Boolean.class, false)) {
				problems.add("consentry.demo.enabled (CONSENTRY_DEMO_ENABLED, demo customers)" + outsideDemo);
			}
			if (environment.getProperty("consentry.registry.auto-approve", Boolean.class, false)) {
				problems.add("consentry.registry.auto-approve (CONSENTRY_REGISTRY_AUTO_APPROVE)" + outsideDemo);
			}
			if (text(environment, "consentry.registry.directory.demo-keys-directory") != null) {
				problems
					.add("consentry.registry.directory.demo-keys-directory (a generated demo directory)" + outsideDemo);
			}
			// The SSRF guards' escape hatches: the demo partners live on this machine, no
			// real partner does
			for (String escape : List.of("consentry.registry.jwks-fetch.allow-private-addresses",
					"consentry.notification.allow-private-addresses")) {
				if (environment.getProperty(escape, Boolean.class, false)) {
					problems.add(escape + " (fetching partner URLs that resolve to this machine or a private "
							+ "network)" + outsideDemo);
				}
			}
			// a console admin without a passkey gets in with a password alone
			if (!environment.getProperty("consentry.admin.passkey-required", Boolean.class, true)) {
				problems.add("consentry.admin.passkey-required=false (CONSENTRY_ADMIN_PASSKEYREQUIRED, bank admins "
						+ "without a passkey)" + outsideDemo);
			}
			if (sealingKey != null && DEMO_SEALING_KEY_SHA256.equals(sha256(sealingKey))) {
				problems.add("consentry.keys.encryption-key is the demo run's published key"
						+ "; set CONSENTRY_KEYS_ENCRYPTION_KEY to base64 of 32 random bytes of your own");
			}
		}
		boolean servesTls = text(environment, "server.ssl.bundle") != null
				|| environment.getProperty("server.ssl.enabled", Boolean.class, false);
		if (servesTls && issuer != null && issuer.startsWith("http://")) {
			problems.add("CONSENTRY_ISSUER must be https when the server serves TLS (server.ssl.bundle), is " + issuer);
		}
		if (!loopbackIssuer && LocalCertificateAuthority.servesLocalCertificate(environment)) {
			problems.add("server.ssl.bundle serves a certificate of the tls run's local authority, which is for this "
					+ "machine only; point spring.ssl.bundle.pem.<bundle>.keystore.* at the bank's own PEM files");
		}
		if (issuer == null) {
			problems.add("CONSENTRY_ISSUER (consentry.issuer) is not set: the server's https issuer URL");
		}
		else if (!loopbackIssuer) {
			if (!issuer.startsWith("https://")) {
				problems.add("CONSENTRY_ISSUER must be an https URL, is " + issuer);
			}
			if (sealingKey == null) {
				problems.add("CONSENTRY_KEYS_ENCRYPTION_KEY is not set: base64 of 32 random bytes, seals the "
						+ "signing keys at rest");
			}
			if (text(environment, "consentry.registry.directory.jwks-uri") == null
					&& text(environment, "consentry.registry.directories[0].jwks-uri") == null) {
				problems.add("CONSENTRY_REGISTRY_DIRECTORY_JWKS_URI is not set: file: or https: URL of the "
						+ "trusted directory's keys (or CONSENTRY_REGISTRY_DIRECTORIES_0_JWKSURI with _ISSUER)");
			}
			if (embeddedDatabase) {
				problems.add("SPRING_DATASOURCE_URL is not set (with SPRING_DATASOURCE_USERNAME and "
						+ "SPRING_DATASOURCE_PASSWORD): a production run uses its own PostgreSQL, not the "
						+ "embedded one");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start; fix these settings:\n - " + String.join("\n - ", problems));
		}
	}

	private static @Nullable String text(Environment environment, String name) {
		String value = environment.getProperty(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
