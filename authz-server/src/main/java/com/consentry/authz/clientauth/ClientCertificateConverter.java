package com.consentry.authz.clientauth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.web.authentication.X509ClientCertificateAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.Assert;

/**
 * Spring Authorization Server's certificate converter, with the method taken from the
 * client's registration rather than guessed from the chain's length (a partner of a
 * directory's PKI may send its leaf alone; a self-signed one may send more). A request
 * with a certificate whose {@code client_id} is registered for {@code private_key_jwt} is
 * left to the assertion converter, so browsers' and other clients' certificates change
 * nothing for them.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8705#section-2">RFC 8705 §2</a>
 */
final class ClientCertificateConverter implements AuthenticationConverter {

	private final X509ClientCertificateAuthenticationConverter certificates;

	private final RegisteredClientRepository clients;

	ClientCertificateConverter(X509ClientCertificateAuthenticationConverter certificates,
			RegisteredClientRepository clients) {
		Assert.notNull(certificates, "certificates cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		this.certificates = certificates;
		this.clients = clients;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!(this.certificates.convert(request) instanceof OAuth2ClientAuthenticationToken guessed)) {
			return null;
		}
		RegisteredClient client = this.clients.findByClientId(guessed.getPrincipal().toString());
		if (client == null) {
			// unknown client: the provider answers invalid_client
			return guessed;
		}
		ClientAuthenticationMethod registered = client.getClientAuthenticationMethods()
			.stream()
			.filter((method) -> ClientAuthenticationMethod.TLS_CLIENT_AUTH.equals(method)
					|| ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH.equals(method))
			.findFirst()
			.orElse(null);
		if (registered == null) {
			return null;
		}
		return new OAuth2ClientAuthenticationToken(client.getClientId(), registered, guessed.getCredentials(),
				guessed.getAdditionalParameters());
	}

}
