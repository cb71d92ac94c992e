package com.consentry.authz.admin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * A console request that its sign-in does not allow: a page asked for by an admin whose
 * password was right but who has not given the passkey yet is sent to the passkey step
 * (the request is kept and resumed after it); anything else, and any request with a
 * missing or wrong CSRF token, is 403.
 */
final class ConsoleAccessDenied implements AccessDeniedHandler {

	private final String passkeyStep;

	private final RequestCache requests;

	ConsoleAccessDenied(String passkeyStep, RequestCache requests) {
		this.passkeyStep = passkeyStep;
		this.requests = requests;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// a missing or wrong CSRF token is refused as such, whoever is signed in; only
		// page
		// requests are sent on to the passkey step, a refused post or passkey call is 403
		if (!(accessDeniedException instanceof CsrfException) && "GET".equals(request.getMethod())
				&& ConsoleAccess.passwordSignedIn(authentication) && !ConsoleAccess.fullySignedIn(authentication)) {
			this.requests.saveRequest(request, response);
			response.sendRedirect(request.getContextPath() + this.passkeyStep);
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
