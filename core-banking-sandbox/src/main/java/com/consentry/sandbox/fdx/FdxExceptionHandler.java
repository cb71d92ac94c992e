package com.consentry.sandbox.fdx;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps what ends a request early to an FDX error, through {@link FdxErrorResponse}. An
 * unexpected exception is logged here and answered with a bare 500: its text stays in the
 * log.
 */
@RestControllerAdvice
final class FdxExceptionHandler {

	private static final Log logger = LogFactory.getLog(FdxExceptionHandler.class);

	@ExceptionHandler
	void fdx(FdxException ex, HttpServletResponse response) throws IOException {
		FdxErrorResponse.write(response, ex.error(), ex.debugMessage());
	}

	@ExceptionHandler
	void noSuchPath(NoResourceFoundException ex, HttpServletResponse response) throws IOException {
		FdxErrorResponse.write(response, FdxError.NOT_FOUND, "No such resource path");
	}

	@ExceptionHandler
	void unreadable(HttpMessageNotReadableException ex, HttpServletResponse response) throws IOException {
		FdxErrorResponse.write(response, FdxError.INVALID_INPUT, "The body is not the JSON this endpoint takes");
	}

	@ExceptionHandler
	void method(HttpRequestMethodNotSupportedException ex, HttpServletResponse response) throws IOException {
		FdxErrorResponse.write(response, FdxError.METHOD_NOT_ALLOWED, null);
	}

	@ExceptionHandler
	void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletResponse response) throws IOException {
		FdxErrorResponse.write(response, FdxError.CONTENT_TYPE_NOT_SUPPORTED, null);
	}

	@ExceptionHandler
	void database(DataAccessException ex, HttpServletResponse response) throws IOException {
		logger.warn("The bank's records could not be read", ex);
		FdxErrorResponse.write(response, FdxError.SUBSYSTEM_UNAVAILABLE, null);
	}

	@ExceptionHandler
	void unexpected(Exception ex, HttpServletResponse response) throws IOException {
		logger.error("Request failed", ex);
		FdxErrorResponse.write(response, FdxError.INTERNAL, null);
	}

}
