package com.consentry.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the partner registry, under {@code consentry.registry} (each settable by
 * its environment variable, e.g. {@code CONSENTRY_REGISTRY_DIRECTORY_JWKS_URI},
 * {@code CONSENTRY_REGISTRY_AUTO_APPROVE}).
 *
 * @param directory a trusted directory that signs software statements (the single
 * directory of earlier settings, still honoured beside {@code directories})
 * @param directories further trusted directories, each with its issuer and keys: a
 * statement's {@code iss} picks the directory whose keys must have signed it
 * @param autoApprove whether a new partner is ACTIVE at once instead of PENDING a bank
 * admin's approval
 * @param allowPlainResponses the bank's policy on unsigned authorization responses: when
 * {@code false} (the default) every partner must use JARM ({@code response_mode}
 * {@code jwt} or {@code query.jwt}, FAPI 2.0 Message Signing §5.4.1); when {@code true}
 * partners may also register plain {@code query} responses (RFC 9207 {@code iss} beside
 * the code)
 * @param jwksFetch how key sets are fetched from the URLs partners and directories name
 * @param defaultPolicy the policy of every partner organisation the bank gave no policy
 * of its own
 */
@ConfigurationProperties("consentry.registry")
public record RegistryProperties(@DefaultValue Directory directory, @DefaultValue List<Directory> directories,
		boolean autoApprove, boolean allowPlainResponses, @DefaultValue JwksFetch jwksFetch,
		@DefaultValue DefaultPolicy defaultPolicy) {

	public RegistryProperties {
		Assert.notNull(directory, "directory cannot be null");
		Assert.notNull(directories, "directories cannot be null");
		Assert.notNull(jwksFetch, "jwksFetch cannot be null");
		Assert.notNull(defaultPolicy, "defaultPolicy cannot be null");
		for (int i = 0; i < directories.size(); i++) {
			Directory listed = directories.get(i);
			Assert.isTrue(listed.jwksUri() != null && listed.issuer() != null, "consentry.registry.directories[" + i
					+ "] needs both issuer and jwks-uri: a statement's iss picks its directory");
		}
		directories = List.copyOf(directories);
	}

	/**
	 * Every trusted directory: the listed ones, then the single {@code directory} when it
	 * names keys.
	 */
	public List<Directory> trustedDirectories() {
		List<Directory> all = new ArrayList<>(this.directories);
		if (this.directory.jwksUri() != null) {
			all.add(this.directory);
		}
		return List.copyOf(all);
	}

	/**
	 * The bank's default partner policy ({@code consentry.registry.default-policy.*}).
	 *
	 * @param allowedDataClusters the FDX data clusters a partner may ask for (all of them
	 * unless set)
	 * @param maxDurationDays the longest consent, in days
	 * @param maxLookbackDays the furthest lookback, in days
	 * @param rateLimitTier the gateway's rate-limit tier
	 */
	public record DefaultPolicy(@DefaultValue( {
			"ACCOUNT_BASIC", "ACCOUNT_DETAILED", "ACCOUNT_PAYMENTS", "PAYMENT_SUPPORT", "TRANSACTIONS", "STATEMENTS",
			"INVESTMENTS", "CUSTOMER_CONTACT", "CUSTOMER_PERSONAL", "BILLS", "REWARDS", "IMAGES", "TAX",
			"NOTIFICATIONS" }) List<String> allowedDataClusters, @DefaultValue("365") int maxDurationDays,
			@DefaultValue("730") int maxLookbackDays, @DefaultValue("STANDARD") RateLimitTier rateLimitTier){

		public DefaultPolicy {
			toPolicy(allowedDataClusters, maxDurationDays, maxLookbackDays, rateLimitTier);
		}

		public PartnerPolicy policy() {
			return toPolicy(this.allowedDataClusters, this.maxDurationDays, this.maxLookbackDays, this.rateLimitTier);
		}

		private static PartnerPolicy toPolicy(List<String> clusters, int duration, int lookback, RateLimitTier tier) {
			return new PartnerPolicy(new LinkedHashSet<>(clusters), duration, lookback, tier);
		}

	}

	/**
	 * The trusted directory whose keys sign software statements.
	 *
	 * @param jwksUri the directory's public JWKS, a {@code file:} or {@code https:} URL;
	 * when unset every software statement is refused
	 * @param issuer when set, the {@code iss} every software statement must carry
	 * @param demoKeysDirectory default run only: a folder where a demo directory key is
	 * generated at start when the {@code file:} JWKS named by {@code jwksUri} does not
	 * exist yet
	 * @param refreshInterval how often the directory's key set is read again, so that a
	 * key the directory withdrew stops being trusted
	 * @param clientCertificateAuthorities where the certificates of the directory's
	 * certificate authorities are, PEM (a {@code file:} or {@code classpath:} location):
	 * the trust anchors of its partners' {@code tls_client_auth} certificates (RFC 8705
	 * §2.1); when unset no partner of the directory can authenticate with
	 * {@code tls_client_auth}
	 */
	public record Directory(@Nullable String jwksUri, @Nullable String issuer, @Nullable String demoKeysDirectory,
			@DefaultValue("5m") Duration refreshInterval, @Nullable String clientCertificateAuthorities) {

		public Directory {
			jwksUri = blankToNull(jwksUri);
			issuer = blankToNull(issuer);
			demoKeysDirectory = blankToNull(demoKeysDirectory);
			clientCertificateAuthorities = blankToNull(clientCertificateAuthorities);
			Assert.isTrue(refreshInterval != null && !refreshInterval.isNegative() && !refreshInterval.isZero(),
					"consentry.registry.directory.refresh-interval must be positive");
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	/**
	 * The rules for fetching a JWKS over the network (a client's {@code jwks_uri}, the
	 * directory's {@code https:} JWKS), against server-side request forgery.
	 *
	 * @param allowPrivateAddresses whether hosts that resolve to loopback, link-local,
	 * private, unique-local, unspecified or multicast addresses may be fetched from;
	 * {@code false} unless set (the default run sets it)
	 * @param allowedHosts when not empty, the only host names (lower case, exact) fetched
	 * from
	 * @param cacheSize the most key sets kept in memory at once; the least recently used
	 * is dropped first
	 * @param minRefreshInterval the shortest time between two fetches of one key set,
	 * also when a client names a {@code kid} the cached set lacks
	 */
	public record JwksFetch(boolean allowPrivateAddresses, @DefaultValue List<String> allowedHosts,
			@DefaultValue("1000") int cacheSize, @DefaultValue("30s") Duration minRefreshInterval) {

		public JwksFetch {
			Assert.notNull(allowedHosts, "allowedHosts cannot be null");
			Assert.isTrue(cacheSize > 0, "consentry.registry.jwks-fetch.cache-size must be positive");
			Assert.isTrue(minRefreshInterval != null && !minRefreshInterval.isNegative(),
					"consentry.registry.jwks-fetch.min-refresh-interval cannot be negative");
			allowedHosts = allowedHosts.stream()
				.filter((host) -> host != null && !host.isBlank())
				.map((host) -> host.strip().toLowerCase(Locale.ROOT))
				.toList();
		}

	}

}
