package com.consentry.authz;

import com.consentry.authz.customer.CustomerPasskeySignIn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The customer-facing pages: sign-in and consent. Form login and passkeys
 * ({@link CustomerPasskeySignIn}) with CSRF, session fixation protection, a strict
 * content security policy and no framing.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

	/**
	 * For every page the server renders. {@code form-action} is left open: the consent
	 * form's answer is a redirect to the partner's site.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
			+ "object-src 'none'";

	/**
	 * Argon2id (BouncyCastle) at OWASP's minimum for it: m = 19 MiB, t = 2, p = 1,
	 * 16-byte salt, 32-byte hash (Spring Security's defaults use 16 MiB). Hashes keep
	 * their parameters, so older ones still verify.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	}

	@Bean
	@Order(10)
	SecurityFilterChain customerPages(HttpSecurity http, AuthenticationFailureHandler signInFailureHandler,
			CustomerPasskeySignIn passkeys) throws Exception {
		passkeys.configure(http);
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/login", "/css/**", "/js/**", "/error", "/favicon.ico", "/.well-known/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login").failureHandler(signInFailureHandler).permitAll())
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers(WebSecurityConfiguration::pageHeaders);
		return http.build();
	}

	/**
	 * The headers of every page the server renders (the customer's and the bank admin
	 * console's): the content security policy, no referrer, no framing.
	 */
	public static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
			.frameOptions((frames) -> frames.deny());
	}

}
