package com.consentry.authz.admin.alerts;

import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A readable page for review forms that name no known alert (404) or lack or garble a
 * parameter (400), instead of the generic error page; nothing was changed.
 */
@ControllerAdvice(assignableTypes = AlertsPage.class)
final class AlertPageErrors {

	@ExceptionHandler(NoSuchElementException.class)
	String notFound(NoSuchElementException ex, HttpServletResponse response, Model model) {
		return problem(response, model, HttpServletResponse.SC_NOT_FOUND,
				"There is no such anomaly alert, or it asked for nothing to review here.");
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	String badParameter(HttpServletResponse response, Model model) {
		return problem(response, model, HttpServletResponse.SC_BAD_REQUEST,
				"The form must name an alert by its number and give a reason.");
	}

	private static String problem(HttpServletResponse response, Model model, int status, String problem) {
		response.setStatus(status);
		model.addAttribute("problem", problem);
		model.addAttribute("back", "/admin/alerts");
		model.addAttribute("backLabel", "Back to the alerts");
		return "admin/problem";
	}

}
