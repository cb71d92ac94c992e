package com.consentry.registry.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

import com.consentry.registry.internal.TrustedDirectories.TrustedDirectory;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * Verifies a {@code software_statement}: signed with ES256 or PS256 by a trusted
 * directory key, and carrying {@code iss}, {@code iat}, {@code exp}, {@code jti},
 * {@code org_id} and {@code org_name}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2.3">RFC 7591
 * §2.3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8725">RFC 8725 JWT Best Current
 * Practices</a>
 */
public final class SoftwareStatementVerifier {

	/** A statement is a few kilobytes; anything far larger is not one. */
	static final int MAX_LENGTH = 32 * 1024;

	/**
	 * FAPI 2.0 SP §5.4.1(1): PS256, ES256 (EdDSA keys are not offered by directories we
	 * trust).
	 */
	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.PS256);

	/**
	 * FAPI 2.0 SP §5.3.2.1(13) and Note 3: tolerate 10 s of clock skew, for {@code iat}
	 * and {@code nbf} ahead of our clock as for {@code exp} behind it (the spec's upper
	 * bound of 60 s is looser than we need).
	 */
	private static final Duration SKEW = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(SoftwareStatementVerifier.class);

	private final TrustedDirectories directories;

	private final Clock clock;

	/**
	 * One directory.
	 * @param keys the trusted directory's keys
	 * @param requiredIssuer when set, the {@code iss} every statement must carry
	 * @param clock the clock for {@code iat}/{@code exp}
	 */
	public SoftwareStatementVerifier(DirectoryKeys keys, @Nullable String requiredIssuer, Clock clock) {
		this(TrustedDirectories.of(keys, requiredIssuer), clock);
	}

	/**
	 * @param directories the trusted directories; a statement's {@code iss} picks one
	 * @param clock the clock for {@code iat}/{@code exp}
	 */
	public SoftwareStatementVerifier(TrustedDirectories directories, Clock clock) {
		Assert.notNull(directories, "directories cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.directories = directories;
		this.clock = clock;
	}

	/**
	 * @throws RegistrationException {@code unapproved_software_statement} when no trusted
	 * key signed it (no directory, unknown {@code kid}, an algorithm other than
	 * ES256/PS256, unsigned); {@code invalid_software_statement} when it is malformed,
	 * its signature fails or a claim is missing or out of time
	 */
	public SoftwareStatement verify(String serialized) {
		Assert.notNull(serialized, "serialized cannot be null");
		if (!this.directories.isConfigured()) {
			throw unapproved("no trusted directory is configured");
		}
		SignedJWT jwt = parse(serialized);
		JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
		if (!ALGORITHMS.contains(algorithm)) {
			throw unapproved("software_statement must be signed with ES256 or PS256");
		}
		String kid = jwt.getHeader().getKeyID();
		if (kid == null) {
			throw unapproved("software_statement names no directory key (kid)");
		}
		// The issuer names the directory before the signature is checked; the signature
		// then proves it, and claims() checks the issuer is the directory's.
		TrustedDirectory directory = this.directories.forIssuer(unverifiedIssuer(jwt))
			.orElseThrow(() -> invalid("software_statement iss is not a trusted directory", null));
		JWK key = directory.keys()
			.find(kid, algorithm)
			.orElseThrow(() -> unapproved("software_statement is not signed by a trusted directory key"));
		if (!verifies(jwt, key)) {
			throw invalid("software_statement signature is invalid", null);
		}
		return claims(jwt, serialized, directory.issuer());
	}

	private static SignedJWT parse(String serialized) {
		if (serialized.isBlank() || serialized.length() > MAX_LENGTH) {
			throw invalid("software_statement is not a JWT", null);
		}
		JWT jwt;
		try {
			jwt = JWTParser.parse(serialized);
		}
		catch (ParseException ex) {
			throw invalid("software_statement is not a JWT", ex);
		}
		if (!(jwt instanceof SignedJWT signed)) {
			// RFC 8725 §3.1: an unsigned (alg none) or encrypted statement is vouched for
			// by no one.
			throw unapproved("software_statement must be signed with ES256 or PS256");
		}
		return signed;
	}

	private static boolean verifies(SignedJWT jwt, JWK key) {
		try {
			JWSVerifier verifier;
			if (key instanceof ECKey ec) {
				ECDSAVerifier ecdsa = new ECDSAVerifier(ec);
				ecdsa.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
				verifier = ecdsa;
			}
			else {
				verifier = new RSASSAVerifier((RSAKey) key);
			}
			return jwt.verify(verifier);
		}
		catch (JOSEException | IllegalStateException ex) {
			logger.debug("Software statement signature check failed", ex);
			return false;
		}
	}

	private static @Nullable String unverifiedIssuer(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet().getIssuer();
		}
		catch (ParseException ex) {
			throw invalid("software_statement claims are not a JSON object", ex);
		}
	}

	private SoftwareStatement claims(SignedJWT jwt, String serialized, @Nullable String requiredIssuer) {
		JWTClaimsSet claims;
		try {
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw invalid("software_statement claims are not a JSON object", ex);
		}
		Instant now = this.clock.instant();
		String issuer = requiredString(claims, "iss", 500);
		if (requiredIssuer != null && !requiredIssuer.equals(issuer)) {
			throw invalid("software_statement iss is not the trusted directory", null);
		}
		Instant issuedAt = requiredInstant(claims, "iat");
		if (issuedAt.isAfter(now.plus(SKEW))) {
			throw invalid("software_statement iat is in the future", null);
		}
		Instant expiresAt = requiredInstant(claims, "exp");
		if (!expiresAt.plus(SKEW).isAfter(now)) {
			throw invalid("software_statement has expired", null);
		}
		Optional<Instant> notBefore = optionalInstant(claims, "nbf");
		if (notBefore.isPresent() && notBefore.get().isAfter(now.plus(SKEW))) {
			throw invalid("software_statement is not yet valid", null);
		}
		return new SoftwareStatement(issuer, requiredString(claims, "org_id", 200),
				requiredString(claims, "org_name", 200), requiredString(claims, "jti", 500), issuedAt, expiresAt,
				claims.toJSONObject(), serialized);
	}

	/** Lengths are bounded by the columns of registry.partner. */
	private static String requiredString(JWTClaimsSet claims, String name, int maxLength) {
		try {
			String value = claims.getStringClaim(name);
			if (value == null || value.isBlank()) {
				throw invalid("software_statement lacks " + name, null);
			}
			if (value.length() > maxLength || value.chars().anyMatch(Character::isISOControl)) {
				throw invalid("software_statement " + name + " is too long or not printable", null);
			}
			return value;
		}
		catch (ParseException ex) {
			throw invalid("software_statement " + name + " is not a string", ex);
		}
	}

	private static Instant requiredInstant(JWTClaimsSet claims, String name) {
		return optionalInstant(claims, name).orElseThrow(() -> invalid("software_statement lacks " + name, null));
	}

	private static Optional<Instant> optionalInstant(JWTClaimsSet claims, String name) {
		try {
			Date value = claims.getDateClaim(name);
			return Optional.ofNullable(value).map(Date::toInstant);
		}
		catch (ParseException ex) {
			throw invalid("software_statement " + name + " is not a NumericDate", ex);
		}
	}

	private static RegistrationException unapproved(String description) {
		return new RegistrationException(RegistrationError.UNAPPROVED_SOFTWARE_STATEMENT, description);
	}

	private static RegistrationException invalid(String description, @Nullable Throwable cause) {
		return new RegistrationException(RegistrationError.INVALID_SOFTWARE_STATEMENT, description, cause);
	}

}
