package com.consentry.authz.clientauth;

import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Spring Authorization Server's client assertion converter, accepting requests without
 * {@code client_id}: RFC 7521 §4.2 makes it optional, and client libraries (Nimbus among
 * them) leave it out. The client is then looked up by the assertion's {@code sub}; the
 * assertion is verified in full afterwards, including {@code iss} = {@code sub} = the
 * client id.
 */
public final class ClientAssertionConverter implements AuthenticationConverter {

	private final JwtClientAssertionAuthenticationConverter assertions = new JwtClientAssertionAuthenticationConverter();

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		String[] assertion = request.getParameterValues(OAuth2ParameterNames.CLIENT_ASSERTION);
		if (request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null || assertion == null
				|| assertion.length != 1) {
			return this.assertions.convert(request);
		}
		String subject;
		try {
			subject = JWTParser.parse(assertion[0]).getJWTClaimsSet().getSubject();
		}
		catch (ParseException ex) {
			subject = null;
		}
		if (subject == null || subject.isEmpty()) {
			return this.assertions.convert(request);
		}
		return this.assertions.convert(new ClientIdentifiedRequest(request, subject));
	}

	/** The request with {@code client_id} added as if the client had sent it. */
	private static final class ClientIdentifiedRequest extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		ClientIdentifiedRequest(HttpServletRequest request, String clientId) {
			super(request);
			Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
			parameters.put(OAuth2ParameterNames.CLIENT_ID, new String[] { clientId });
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
