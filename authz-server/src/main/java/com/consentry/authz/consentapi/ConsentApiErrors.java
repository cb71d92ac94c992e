package com.consentry.authz.consentapi;

import java.util.Map;

import com.consentry.consent.ConsentNotFoundException;
import com.consentry.consent.ConsentTransitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps what the consent API's operations throw to FDX errors, all written by
 * {@link FdxErrorResponse}.
 */
@RestControllerAdvice(assignableTypes = ConsentApiController.class)
final class ConsentApiErrors {

	private static final Logger logger = LoggerFactory.getLogger(ConsentApiErrors.class);

	@ExceptionHandler(ConsentNotFoundException.class)
	ResponseEntity<Map<String, String>> notFound() {
		return FdxErrorResponse.entity(FdxError.CONSENT_NOT_FOUND);
	}

	// FDX §1.2: revoking a consent that is no longer active (revoked, expired) is a
	// conflict
	@ExceptionHandler(ConsentTransitionException.class)
	ResponseEntity<Map<String, String>> notActive() {
		return FdxErrorResponse.entity(FdxError.CONSENT_NOT_ACTIVE);
	}

	@ExceptionHandler(ConsentRevocationRequest.InvalidRevocationRequestException.class)
	ResponseEntity<Map<String, String>> invalidRequest(ConsentRevocationRequest.InvalidRevocationRequestException ex) {
		return FdxErrorResponse.entity(ex.error());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, String>> unexpected(Exception ex) throws Exception {
		if (ex instanceof DataAccessException) {
			// a busy or unreachable database is back-pressure (503, Retry-After),
			// answered by the outermost filter
			throw ex;
		}
		logger.error("Consent API request failed", ex);
		return FdxErrorResponse.entity(FdxError.INTERNAL);
	}

}
