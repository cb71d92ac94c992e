package com.consentry.authz.admin.partners;

import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A readable page for console requests that name no known partner or action (404) or lack
 * a parameter (400), instead of the generic error page.
 */
@ControllerAdvice(assignableTypes = { PartnerPages.class, PartnerAccountTokenPages.class })
final class ConsolePageErrors {

	@ExceptionHandler(NoSuchElementException.class)
	String notFound(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("problem", "There is no such partner or action.");
		return "admin/problem";
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	String missingParameter(MissingServletRequestParameterException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("problem", "The request lacks " + ex.getParameterName() + ".");
		return "admin/problem";
	}

}
