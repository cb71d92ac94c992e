package com.consentry.authz.admin;

import java.time.Clock;

import com.consentry.authz.WebSecurityConfiguration;
import com.consentry.authz.customer.PasswordChecks;
import com.consentry.authz.customer.SignInFailureHandler;
import com.consentry.authz.customer.SignInThrottle;
import com.consentry.authz.passkeys.PasskeyUsers;
import com.consentry.authz.passkeys.RelyingParty;
import com.consentry.authz.passkeys.SessionPasskeyEnrolments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank admin console's filter chain: everything under {@code /admin}, before the
 * customers' pages. It keeps its sign-in apart from the customers' in the same session
 * (its own security context, saved request and CSRF token keys), so a customer's sign-in
 * is nothing here and an admin's nothing on the customers' pages. Sign-in is the admin's
 * password ({@link AdminSignIn}, the chain's only authentication provider) and then a
 * passkey (Spring Security's WebAuthn support, its endpoints moved under
 * {@code /admin/webauthn}); every request is authorized by {@link ConsoleAccess}; CSRF
 * protects every form and every passkey call.
 */
@Configuration(proxyBeanMethods = false)
public class AdminSecurityConfiguration {

	static final String SIGN_IN = "/admin/login";

	static final String PASSKEY_STEP = "/admin/login/passkey";

	static final String PASSKEYS = "/admin/passkeys";

	static final String SIGN_OUT = "/admin/logout";

	private static final String SECURITY_CONTEXT = "CONSENTRY_BANK_ADMIN_SECURITY_CONTEXT";

	private static final String SAVED_REQUEST = "CONSENTRY_BANK_ADMIN_SAVED_REQUEST";

	private static final String CSRF_TOKEN = "CONSENTRY_BANK_ADMIN_CSRF_TOKEN";

	@Bean
	PublicKeyCredentialUserEntityRepository adminPasskeyUsers(JdbcOperations jdbc) {
		return PasskeyUsers.bankAdmins(new JdbcPublicKeyCredentialUserEntityRepository(jdbc));
	}

	@Bean
	UserCredentialRepository adminPasskeys(JdbcOperations jdbcOperations, JdbcClient jdbc,
			TransactionTemplate transactions, AdminActions actions, AdminProperties properties) {
		return new AdminPasskeys(new JdbcUserCredentialRepository(jdbcOperations), jdbc, transactions, actions,
				properties.passkeyRequired());
	}

	@Bean
	@Order(5)
	SecurityFilterChain bankAdminConsole(HttpSecurity http, BankAdmins admins, SignInThrottle throttle,
			PasswordChecks passwords, AdminProperties properties, Clock clock, AuthorizationServerSettings server,
			PublicKeyCredentialUserEntityRepository passkeyUsers, UserCredentialRepository passkeys) {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(SECURITY_CONTEXT);
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		requests.setSessionAttrName(SAVED_REQUEST);
		HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
		csrfTokens.setSessionAttributeName(CSRF_TOKEN);
		SavedRequestAwareAuthenticationSuccessHandler passwordAccepted = new SavedRequestAwareAuthenticationSuccessHandler();
		passwordAccepted.setRequestCache(requests);
		passwordAccepted.setDefaultTargetUrl("/admin");
		ConsoleAccess access = new ConsoleAccess(admins);
		RelyingParty relyingParty = RelyingParty.of(server.getIssuer());
		http.setSharedObject(UserDetailsService.class, new AdminUserDetails(admins));
		http.setSharedObject(PublicKeyCredentialUserEntityRepository.class, passkeyUsers);
		http.setSharedObject(UserCredentialRepository.class, passkeys);
		http.securityMatcher(PathPatternRequestMatcher.pathPattern("/admin/**"))
			.addFilterBefore(new ConsoleRequestId(), SecurityContextHolderFilter.class)
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(requests))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
			.authenticationManager(new ProviderManager(
					new AdminSignIn(admins, throttle, passwords, properties.passkeyRequired(), clock)))
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(SIGN_IN, "/admin/assets/**")
				.permitAll()
				.requestMatchers(PASSKEY_STEP)
				.access(access.passwordChecked())
				.requestMatchers(HttpMethod.DELETE, AdminPasskeyEndpoints.REGISTER + "/*")
				.access(access.console())
				.requestMatchers(PASSKEYS, AdminPasskeyEndpoints.REGISTER)
				.access(access.passkeyEnrolment())
				.anyRequest()
				.access(access.console()))
			.formLogin((login) -> login.loginPage(SIGN_IN)
				.successHandler(passwordAccepted)
				.failureHandler(new SignInFailureHandler(SIGN_IN)))
			.webAuthn((passkey) -> passkey.rpName(properties.relyingPartyName())
				.rpId(relyingParty.id())
				.allowedOrigins(relyingParty.origin())
				.disableDefaultRegistrationPage(true)
				.creationOptionsRepository(new SessionPasskeyEnrolments())
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setRequiresAuthenticationRequestMatcher(
								PathPatternRequestMatcher.pathPattern(HttpMethod.POST, AdminPasskeyEndpoints.SIGN_IN));
						// the passkey completes the password sign-in of the same admin
						filter.setMfaEnabled(true);
						filter.setSecurityContextRepository(contexts);
						HttpMessageConverterAuthenticationSuccessHandler signedIn = new HttpMessageConverterAuthenticationSuccessHandler();
						signedIn.setRequestCache(requests);
						filter.setAuthenticationSuccessHandler(signedIn);
						return filter;
					}
				}))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new ConsoleEntryPoint(SIGN_IN))
				.accessDeniedHandler(new ConsoleAccessDenied(PASSKEY_STEP, requests)))
			.logout((logout) -> logout.logoutUrl(SIGN_OUT)
				.logoutSuccessUrl(SIGN_IN + "?signedOut")
				// the customer's sign-in in the same browser stays
				.invalidateHttpSession(false))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers(WebSecurityConfiguration::pageHeaders);
		DefaultSecurityFilterChain chain = http.build();
		AdminPasskeyEndpoints.moveUnderConsole(chain.getFilters());
		return chain;
	}

}
