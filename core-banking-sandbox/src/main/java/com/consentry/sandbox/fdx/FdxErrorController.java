package com.consentry.sandbox.fdx;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page (errors that never reached a controller, e.g. a malformed
 * request) in FDX's shape too; replaces Boot's default error controller.
 */
@Controller
final class FdxErrorController implements ErrorController {

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer number) ? number : 500;
		FdxError error = switch (code) {
			case 400 -> FdxError.INVALID_INPUT;
			case 404 -> FdxError.NOT_FOUND;
			case 405 -> FdxError.METHOD_NOT_ALLOWED;
			case 406 -> FdxError.CONTENT_TYPE_NOT_SUPPORTED;
			default -> FdxError.INTERNAL;
		};
		FdxErrorResponse.write(response, error, null);
	}

}
