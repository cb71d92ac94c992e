package com.consentry.authz.customer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Its one error message is the same for a wrong password, an unknown
 * user and a locked sign-in, so the page never tells whether a user name exists.
 */
@Controller
final class LoginPageController {

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) String error, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (error != null) {
			model.addAttribute("error", "The user name or password is not right, or sign-in is paused after "
					+ "several failed attempts. Try again later if you are sure of your password.");
		}
		model.addAttribute("passkeyOptionsUrl", CustomerPasskeySignIn.SIGN_IN_OPTIONS);
		model.addAttribute("passkeySignInUrl", CustomerPasskeySignIn.SIGN_IN);
		return "login";
	}

}
