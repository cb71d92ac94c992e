package com.consentry.registry.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place registration errors reach the wire: RFC 7591 §3.2.2 JSON errors (400) for
 * refused registrations, and RFC 6750 §3 {@code invalid_token} challenges (401) for RFC
 * 7592 requests. Only the client-safe description is sent, never an exception's
 * internals.
 */
@RestControllerAdvice(assignableTypes = RegistrationController.class)
public final class RegistrationErrorAdvice {

	private static final Logger logger = LoggerFactory.getLogger(RegistrationErrorAdvice.class);

	@ExceptionHandler(RegistrationException.class)
	public ResponseEntity<Map<String, String>> refused(RegistrationException ex) {
		logger.debug("Registration refused: {} ({})", ex.error().code(), ex.description(), ex.getCause());
		Map<String, String> body = new LinkedHashMap<>();
		body.put(MetadataNames.ERROR, ex.error().code());
		body.put(MetadataNames.ERROR_DESCRIPTION, ex.description());
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	@ExceptionHandler(RegistrationAccessDeniedException.class)
	public ResponseEntity<Void> denied(RegistrationAccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.cacheControl(CacheControl.noStore())
			.build();
	}

}
