package com.consentry.registry;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * The certificate authorities the bank configured for each trusted directory
 * ({@code consentry.registry.directory.client-certificate-authorities},
 * {@code consentry.registry.directories[i].client-certificate-authorities}): the trust
 * anchors a partner's {@code tls_client_auth} certificate must chain to, those of the
 * directory that registered the partner. A directory picks its anchors as it picks
 * statements: by its issuer, or the directory configured without one for every issuer no
 * other claims.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8705#section-2.1">RFC 8705
 * §2.1</a>
 */
public final class ClientCertificateAuthorities {

	private final Map<String, Set<TrustAnchor>> byIssuer;

	private final Set<TrustAnchor> anyIssuer;

	private ClientCertificateAuthorities(Map<String, Set<TrustAnchor>> byIssuer, Set<TrustAnchor> anyIssuer) {
		this.byIssuer = Map.copyOf(byIssuer);
		this.anyIssuer = Set.copyOf(anyIssuer);
	}

	/**
	 * Reads the configured certificate authorities of every trusted directory.
	 * @throws IllegalStateException when a location cannot be read or holds no X.509
	 * certificate, so that the server does not start with a directory it cannot check
	 */
	public static ClientCertificateAuthorities of(RegistryProperties properties) {
		Assert.notNull(properties, "properties cannot be null");
		Map<String, Set<TrustAnchor>> byIssuer = new LinkedHashMap<>();
		Set<TrustAnchor> anyIssuer = new HashSet<>();
		for (RegistryProperties.Directory directory : properties.trustedDirectories()) {
			String location = directory.clientCertificateAuthorities();
			if (location == null) {
				continue;
			}
			Set<TrustAnchor> anchors = read(location);
			if (directory.issuer() != null) {
				byIssuer.computeIfAbsent(directory.issuer(), (issuer) -> new HashSet<>()).addAll(anchors);
			}
			else {
				anyIssuer.addAll(anchors);
			}
		}
		return new ClientCertificateAuthorities(byIssuer, anyIssuer);
	}

	/**
	 * The trust anchors of the directory with this issuer; empty when the bank configured
	 * none for it (then no certificate of its partners is trusted).
	 */
	public Set<TrustAnchor> trustAnchors(@Nullable String directoryIssuer) {
		Set<TrustAnchor> named = (directoryIssuer != null) ? this.byIssuer.get(directoryIssuer) : null;
		return (named != null) ? named : this.anyIssuer;
	}

	private static Set<TrustAnchor> read(String location) {
		Resource resource = new DefaultResourceLoader().getResource(location);
		Set<TrustAnchor> anchors = new HashSet<>();
		try (InputStream in = resource.getInputStream()) {
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				anchors.add(new TrustAnchor((X509Certificate) certificate, null));
			}
		}
		catch (IOException | CertificateException ex) {
			throw new IllegalStateException("Cannot read the client certificate authorities at " + location, ex);
		}
		if (anchors.isEmpty()) {
			throw new IllegalStateException("No certificate in the client certificate authorities at " + location);
		}
		return anchors;
	}

}
