package com.consentry.registry;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the partner registry, under {@code consentry.registry} (each settable by its environment
 * variable, e.g. {@code CONSENTRY_REGISTRY_DIRECTORY_JWKS_URI}, {@code CONSENTRY_REGISTRY_AUTO_APPROVE}).
 *
 * @param directory the trusted directory that signs software statements
 * @param autoApprove whether a new partner is ACTIVE at once instead of PENDING a bank admin's approval
 */
@ConfigurationProperties("consentry.registry")
public record RegistryProperties(@DefaultValue Directory directory, boolean autoApprove) {

	public RegistryProperties {
		Assert.notNull(directory, "directory cannot be null");
	}

	/**
	 * The trusted directory whose keys sign software statements.
	 *
	 * @param jwksUri the directory's public JWKS, a {@code file:} or {@code https:} URL; when unset every
	 * software statement is refused
	 * @param issuer when set, the {@code iss} every software statement must carry
	 * @param demoKeysDirectory default run only: a folder where a demo directory key is generated at start when
	 * the {@code file:} JWKS named by {@code jwksUri} does not exist yet
	 */
	public record Directory(@Nullable String jwksUri, @Nullable String issuer, @Nullable String demoKeysDirectory) {

		public Directory {
			jwksUri = blankToNull(jwksUri);
			issuer = blankToNull(issuer);
			demoKeysDirectory = blankToNull(demoKeysDirectory);
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
