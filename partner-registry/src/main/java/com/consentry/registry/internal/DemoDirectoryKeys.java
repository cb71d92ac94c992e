package com.consentry.registry.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * Default run only: stands in for a trusted directory by generating an EC P-256 directory
 * key at start, when {@code consentry.registry.directory.demo-keys-directory} is set and
 * the {@code file:} JWKS named by {@code jwks-uri} does not exist yet. Writes the public
 * JWKS ({@value #JWKS_FILE}) and the private signing key ({@value #SIGNING_KEY_FILE},
 * owner-only where the file system allows) to that folder, so demo partners can sign
 * software statements.
 */
public final class DemoDirectoryKeys {

	public static final String JWKS_FILE = "directory-jwks.json";

	public static final String SIGNING_KEY_FILE = "directory-signing-key.json";

	public static final String KEY_ID = "demo-directory-1";

	private static final Logger logger = LoggerFactory.getLogger(DemoDirectoryKeys.class);

	private final @Nullable Path folder;

	private final @Nullable String jwksUri;

	/**
	 * @param folder where to write the demo key files; {@code null} to do nothing
	 * @param jwksUri the configured directory JWKS URL
	 */
	public DemoDirectoryKeys(@Nullable Path folder, @Nullable String jwksUri) {
		this.folder = folder;
		this.jwksUri = jwksUri;
	}

	/**
	 * Generates the demo directory key unless it is not wanted or the directory JWKS
	 * already exists.
	 * @return the written public JWKS file, if a key was generated
	 */
	public Optional<Path> generateIfMissing() {
		Path folder = this.folder;
		if (folder == null) {
			return Optional.empty();
		}
		Optional<Path> configured = (this.jwksUri != null) ? JwksSource.fileOf(this.jwksUri) : Optional.empty();
		if (configured.isEmpty()) {
			logger.warn("consentry.registry.directory.demo-keys-directory is set but jwks-uri is not a file: URL; "
					+ "no demo directory key generated");
			return Optional.empty();
		}
		if (Files.exists(configured.get())) {
			return Optional.empty();
		}
		Path jwks = folder.resolve(JWKS_FILE);
		Path signingKey = folder.resolve(SIGNING_KEY_FILE);
		try {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID(KEY_ID)
				.algorithm(JWSAlgorithm.ES256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
			Files.createDirectories(folder);
			writeOwnerOnly(signingKey, key.toJSONString());
			// Written last: the JWKS existing means the signing key exists too.
			Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString(true), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the demo directory key to " + folder, ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate the demo directory key", ex);
		}
		logger.info("Demo directory key {} generated (demo only): public JWKS {}, private signing key {}", KEY_ID,
				jwks.toAbsolutePath(), signingKey.toAbsolutePath());
		if (!jwks.toAbsolutePath().normalize().equals(configured.get().toAbsolutePath().normalize())) {
			logger.warn("consentry.registry.directory.jwks-uri names {}, not the demo JWKS {}: the demo key will "
					+ "not be trusted", configured.get(), jwks);
		}
		return Optional.of(jwks);
	}

	private static void writeOwnerOnly(Path file, String content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Assert.state(parent != null, "no parent folder");
		Files.deleteIfExists(file);
		if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
