package com.consentry.authz;

import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.authz.dpop.DpopProofFilter;
import com.consentry.fapi.dpop.DpopProofVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.web.OidcUserInfoEndpointFilter;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The userinfo endpoint, the one place where the server is a resource: its own filter
 * chain, the only one where an access token (DPoP-bound, with a proof) is a principal.
 * Everywhere else (the authorization endpoint, the consent page) only the customer's form
 * sign-in counts, so a partner holding a customer's token cannot act as that customer
 * there.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-7">RFC 9449 §7</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core
 * §5.3</a>
 */
@Configuration(proxyBeanMethods = false)
public class UserInfoSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain userInfoEndpoint(HttpSecurity http, AuthorizationServerSettings settings,
			OAuth2AuthorizationService authorizations, DpopProofVerifier dpopVerifier, DpopNonces dpopNonces) {
		String userInfo = settings.getOidcUserInfoEndpoint();
		OidcUserInfoEndpointFilter userInfoFilter = new OidcUserInfoEndpointFilter(
				new ProviderManager(new OidcUserInfoAuthenticationProvider(authorizations)), userInfo);
		http.securityMatcher(PathPatternRequestMatcher.pathPattern(userInfo))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			// a token is presented on every call: no session, and nothing for CSRF to
			// protect
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(new DpopProofFilter(dpopVerifier, dpopNonces, settings),
					AbstractPreAuthenticatedProcessingFilter.class)
			.addFilterAfter(userInfoFilter, AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * For every other chain of the authorization server: Spring Authorization Server
	 * switches the resource server on wherever its OIDC endpoints are configured (Bearer
	 * and DPoP alike), so there it is set to accept no access token at all. A request
	 * that presents one is refused, never signed in.
	 */
	static void acceptNoAccessToken(OAuth2ResourceServerConfigurer<HttpSecurity> resourceServer) {
		resourceServer.jwt((jwt) -> jwt.decoder((token) -> {
			throw new BadJwtException("an access token is no sign-in here");
		}));
	}

}
