package com.consentry.authz.jarm;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.consentry.registry.FapiClientSettings;
import com.consentry.registry.FapiPolicy;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends an authorization response (success or error) to a validated redirect URI: as a
 * JARM JWT in the {@code response} query parameter for {@code jwt}/{@code query.jwt},
 * otherwise as plain query parameters with {@code iss} (RFC 9207). Always 303, so no
 * browser re-sends the consent form (FAPI 2.0 SP §5.3.2.2(10,11)).
 */
@Component
public final class AuthorizationResponseRedirect {

	private final AuthorizationResponseSigner signer;

	private final AuthorizationServerSettings settings;

	public AuthorizationResponseRedirect(AuthorizationResponseSigner signer, AuthorizationServerSettings settings) {
		Assert.notNull(signer, "signer cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		this.signer = signer;
		this.settings = settings;
	}

	/**
	 * Redirects with {@code parameters}.
	 * @param requestedMode the request's {@code response_mode}, or {@code null} when it
	 * is not known (then the client's first registered mode applies)
	 */
	public void send(HttpServletResponse response, RegisteredClient client, String redirectUri,
			@Nullable String requestedMode, Map<String, String> parameters) throws IOException {
		String mode = (requestedMode != null) ? requestedMode : FapiClientSettings.responseModes(client).get(0);
		UriComponentsBuilder location = UriComponentsBuilder.fromUriString(redirectUri);
		if (mode != null && FapiPolicy.isJarm(mode)) {
			// FAPI 2.0 MS §5.4.1: iss only inside the JWT
			location.queryParam("response", this.signer.sign(client, parameters));
		}
		else {
			Map<String, String> plain = new LinkedHashMap<>(parameters);
			// RFC 9207 §2
			plain.put("iss", this.settings.getIssuer());
			plain.forEach(location::queryParam);
		}
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader(HttpHeaders.LOCATION, location.encode().build().toUriString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
