package com.consentry.authz.admin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Where a console request without an admin sign-in goes: to the admin sign-in form, or,
 * when the browser holds a customer's sign-in, to 403. A customer is never an admin, and
 * is told so rather than asked for admin credentials.
 */
final class ConsoleEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint signInForm;

	ConsoleEntryPoint(String signInPage) {
		this.signInForm = new LoginUrlAuthenticationEntryPoint(signInPage);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		if (customerSignedIn(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		this.signInForm.commence(request, response, authException);
	}

	// the customer pages keep their sign-in under Spring Security's default session key
	private static boolean customerSignedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& context.getAuthentication() != null && context.getAuthentication().isAuthenticated();
	}

}
