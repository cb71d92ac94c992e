package com.consentry.authz.customer;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.consentry.audit.Actor;
import com.consentry.audit.AuditEvent;
import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;
import com.consentry.authz.passkeys.RelyingParty;
import com.consentry.authz.passkeys.SessionPasskeyEnrolments;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Passkeys on the customers' pages (Spring Security's WebAuthn support at its default
 * paths, which the customers' chain serves): a signed-in customer enrols one on
 * {@code /account}; on the sign-in page it replaces the password; on the consent page it
 * is the second factor after the password (the filter merges it into the customer's
 * sign-in, adding {@code FACTOR_WEBAUTHN} with the time it was given). The relying party
 * is the issuer's host and origin, as for the bank admins.
 * <p>
 * Audit as for passwords: every passkey sign-in, accepted or refused, is a
 * {@code customer.sign_in} record with {@code method=passkey}; a passkey given after the
 * password is {@code customer.step_up}. The password throttle does not apply: a passkey
 * cannot be guessed, and checking one costs a signature verification, not an Argon2 hash.
 */
@Component
public final class CustomerPasskeySignIn {

	/** The challenge for a passkey sign-in or step-up (Spring's default path). */
	public static final String SIGN_IN_OPTIONS = "/webauthn/authenticate/options";

	/** Signing in, or stepping up, with a passkey (Spring's default path). */
	public static final String SIGN_IN = "/login/webauthn";

	/** The challenge for enrolling a passkey (Spring's default path). */
	public static final String REGISTER_OPTIONS = "/webauthn/register/options";

	/** Enrolling a passkey (Spring's default path). */
	public static final String REGISTER = "/webauthn/register";

	private static final String SIGN_IN_EVENT = "customer.sign_in";

	private static final String STEP_UP_EVENT = "customer.step_up";

	private final CustomerPasskeys passkeys;

	private final UserDetailsService customers;

	private final AuditTrail audit;

	private final CustomerPseudonyms pseudonyms;

	private final PasskeyProperties properties;

	private final RelyingParty relyingParty;

	CustomerPasskeySignIn(CustomerPasskeys passkeys, CustomerLogins logins, AuditTrail audit,
			CustomerPseudonyms pseudonyms, PasskeyProperties properties, AuthorizationServerSettings server) {
		Assert.notNull(passkeys, "passkeys cannot be null");
		Assert.notNull(audit, "audit cannot be null");
		Assert.notNull(pseudonyms, "pseudonyms cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.passkeys = passkeys;
		this.customers = new PasskeyCustomers(logins);
		this.audit = audit;
		this.pseudonyms = pseudonyms;
		this.properties = properties;
		this.relyingParty = RelyingParty.of(server.getIssuer());
	}

	/** Adds the passkey endpoints to the customers' filter chain. */
	public void configure(HttpSecurity http) {
		http.setSharedObject(UserDetailsService.class, this.customers);
		http.setSharedObject(PublicKeyCredentialUserEntityRepository.class, this.passkeys.users());
		http.setSharedObject(UserCredentialRepository.class, this.passkeys.credentials());
		http.webAuthn((passkey) -> passkey.rpName(this.properties.relyingPartyName())
			.rpId(this.relyingParty.id())
			.allowedOrigins(this.relyingParty.origin())
			.disableDefaultRegistrationPage(true)
			.creationOptionsRepository(new SessionPasskeyEnrolments())
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					// a passkey after the password adds to the same customer's sign-in
					filter.setMfaEnabled(true);
					filter.setSecurityContextRepository(
							new DelegatingSecurityContextRepository(new HttpSessionSecurityContextRepository(),
									new RequestAttributeSecurityContextRepository()));
					// as the password sign-in: a new session id and a new CSRF token
					filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
							List.of(new ChangeSessionIdAuthenticationStrategy(),
									new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
					HttpMessageConverterAuthenticationSuccessHandler signedIn = new HttpMessageConverterAuthenticationSuccessHandler();
					filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
						recordSuccess(authentication);
						signedIn.onAuthenticationSuccess(request, response, authentication);
					});
					filter.setAuthenticationFailureHandler(new AuditedFailure());
					filter.setRequestOptionsRepository(new UserVerificationRequired());
					return filter;
				}
			}));
	}

	private void recordSuccess(Authentication authentication) {
		boolean stepUp = authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
		this.audit
			.record(AuditEvent
				.of(stepUp ? STEP_UP_EVENT : SIGN_IN_EVENT,
						Actor.customer(this.pseudonyms.of(authentication.getName())), SIGN_IN, "success")
				.withDetails(Map.of("method", "passkey")));
	}

	/**
	 * A refused passkey: the record names the signed-in customer when it was a step-up,
	 * nobody's pseudonym otherwise (the passkey named no one the server knows); then
	 * Spring's answer, 401.
	 */
	private final class AuditedFailure implements AuthenticationFailureHandler {

		private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

		private final AuthenticationFailureHandler unauthorized = new AuthenticationEntryPointFailureHandler(
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			// the filter has cleared the request's context by now; the session still
			// holds it
			Authentication current = this.sessions.loadDeferredContext(request).get().getAuthentication();
			boolean stepUp = current != null && current.isAuthenticated()
					&& current.getAuthorities()
						.stream()
						.anyMatch((a) -> CustomerSignIn.CUSTOMER.equals(a.getAuthority()));
			CustomerPasskeySignIn.this.audit.record(
					AuditEvent
						.of(stepUp ? STEP_UP_EVENT : SIGN_IN_EVENT,
								Actor.customer(
										CustomerPasskeySignIn.this.pseudonyms.of(stepUp ? current.getName() : "")),
								SIGN_IN, "failure")
						.withDetails(Map.of("method", "passkey", "reason", "bad_passkey")));
			this.unauthorized.onAuthenticationFailure(request, response, exception);
		}

	}

}
