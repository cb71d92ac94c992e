package com.consentry.authz.customer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. It never says whether a user name exists; it does say when sign-in is locked.
 */
@Controller
final class LoginPageController {

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) String error, HttpSession session, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (error != null) {
			Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("error",
					(failure instanceof LockedException)
							? "Too many failed attempts. Sign-in is paused for a while; try again later."
							: "The user name or password is not right.");
		}
		return "login";
	}

}
