package com.consentry.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;

import com.consentry.registry.JwksRetriever;
import com.consentry.registry.RegistryProperties;
import com.nimbusds.jose.jwk.JWKSet;

import org.springframework.util.Assert;

/**
 * Where the trusted directory's JWKS comes from: a local file ({@code file:}) or the
 * directory's endpoint ({@code https:}, fetched by a {@link JwksRetriever}: short
 * timeouts, a size limit, and the address rules against server-side request forgery).
 */
@FunctionalInterface
public interface JwksSource {

	/**
	 * Larger than any sensible directory key set; bounds memory if the source misbehaves.
	 */
	int MAX_BYTES = 256 * 1024;

	int CONNECT_TIMEOUT_MILLIS = 2_000;

	int READ_TIMEOUT_MILLIS = 3_000;

	JWKSet load() throws IOException, ParseException;

	/**
	 * The source named by a {@code file:} or {@code https:} URL.
	 * @param fetch the rules for fetching an {@code https:} URL
	 * @throws IllegalArgumentException for any other URL
	 */
	static JwksSource of(String jwksUri, RegistryProperties.JwksFetch fetch) {
		Optional<Path> file = fileOf(jwksUri);
		if (file.isPresent()) {
			Path path = file.get();
			return () -> {
				try (InputStream in = Files.newInputStream(path)) {
					byte[] bytes = in.readNBytes(MAX_BYTES + 1);
					if (bytes.length > MAX_BYTES) {
						throw new IOException("JWKS file larger than " + MAX_BYTES + " bytes: " + path);
					}
					return JWKSet.parse(new String(bytes, StandardCharsets.UTF_8));
				}
			};
		}
		URI uri = URI.create(jwksUri);
		Assert.isTrue("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null,
				() -> "consentry.registry.directory.jwks-uri must be a file: or https: URL, not " + jwksUri);
		URL url = toUrl(uri);
		JwksRetriever retriever = new JwksRetriever(fetch, CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, MAX_BYTES);
		return () -> JWKSet.parse(retriever.retrieveResource(url).getContent());
	}

	/**
	 * The local path of a {@code file:} URL ({@code file:/abs}, {@code file:///abs} or
	 * {@code file:relative}); empty for other URLs.
	 */
	static Optional<Path> fileOf(String jwksUri) {
		Assert.hasText(jwksUri, "jwksUri cannot be empty");
		if (!jwksUri.toLowerCase(Locale.ROOT).startsWith("file:")) {
			return Optional.empty();
		}
		URI uri = URI.create(jwksUri);
		return Optional.of(uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri));
	}

	private static URL toUrl(URI uri) {
		try {
			return uri.toURL();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not a URL: " + uri, ex);
		}
	}

}
