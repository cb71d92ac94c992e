package com.consentry.authz.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A software statement directory for tests: its own key, its JWKS written to a file the
 * server trusts.
 */
public final class TestDirectory {

	public static final String ISSUER = "https://directory.test.consentry.example";

	private static final TestDirectory SHARED = new TestDirectory();

	private final ECKey key;

	private final Path jwksFile;

	public TestDirectory() {
		try {
			this.key = new ECKeyGenerator(Curve.P_256).keyID("test-directory-" + UUID.randomUUID()).generate();
			this.jwksFile = Files.createTempFile("consentry-directory", ".json");
			Files.writeString(this.jwksFile, new JWKSet(this.key.toPublicJWK()).toString());
			this.jwksFile.toFile().deleteOnExit();
		}
		catch (JOSEException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The directory every test context trusts. */
	public static TestDirectory shared() {
		return SHARED;
	}

	/**
	 * Publishes this directory's key together with {@code moreKeys} (public halves), as a
	 * directory does when it adds keys; publishing again without one withdraws it.
	 */
	public void publish(ECKey... moreKeys) {
		List<JWK> keys = new ArrayList<>();
		keys.add(this.key.toPublicJWK());
		for (ECKey more : moreKeys) {
			keys.add(more.toPublicJWK());
		}
		try {
			Files.writeString(this.jwksFile, new JWKSet(keys).toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes this directory's private signing key as a JWK, as the default run writes the
	 * demo directory's for partners to sign with.
	 */
	public void writeSigningKey(Path file) {
		try {
			Files.writeString(file, this.key.toJSONString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String jwksUri() {
		return this.jwksFile.toUri().toString();
	}

	/** A statement for the given RFC 7591 metadata, signed by this directory. */
	public SignedJWT sign(Map<String, Object> metadata) {
		return signWith(this.key, metadata);
	}

	/** A statement signed by some other key, of a directory the server does not trust. */
	public static SignedJWT signWith(ECKey signingKey, Map<String, Object> metadata) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.jwtID(UUID.randomUUID().toString())
			.claim("org_id", "org-test-fintech")
			.claim("org_name", "Test Fintech Ltd");
		metadata.forEach(claims::claim);
		SignedJWT statement = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(), claims.build());
		try {
			statement.sign(new ECDSASigner(signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return statement;
	}

	public void delete() {
		try {
			Files.deleteIfExists(this.jwksFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
