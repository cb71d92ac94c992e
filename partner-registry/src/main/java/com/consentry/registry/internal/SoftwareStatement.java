package com.consentry.registry.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * The verified claims of a software statement: who vouches (the directory), for which
 * organisation, and the client metadata it asserts.
 *
 * @param issuer the directory ({@code iss})
 * @param orgId the organisation id ({@code org_id})
 * @param orgName the organisation name ({@code org_name})
 * @param id the statement's {@code jti} (not single-use: one statement registers the
 * software at many banks)
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param claims every claim, in JSON form; the RFC 7591 metadata among them win over the
 * request body's, and the security members among them are taken from here only
 * ({@link ClientMetadata#STATEMENT_ONLY})
 * @param serialized the compact JWT as received
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2.3">RFC 7591
 * §2.3</a>
 */
public record SoftwareStatement(String issuer, String orgId, String orgName, String id, Instant issuedAt,
		Instant expiresAt, Map<String, Object> claims, String serialized) {

	public SoftwareStatement {
		Assert.hasText(issuer, "issuer cannot be empty");
		Assert.hasText(orgId, "orgId cannot be empty");
		Assert.hasText(orgName, "orgName cannot be empty");
		Assert.hasText(id, "id cannot be empty");
		Assert.notNull(issuedAt, "issuedAt cannot be null");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
		Assert.notNull(claims, "claims cannot be null");
		Assert.hasText(serialized, "serialized cannot be empty");
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

}
