package com.consentry.gateway.fdx;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page, in FDX's shape: whatever the container refuses
 * before a route is reached answers an FDX error body, never Spring's default one.
 */
@Controller
class FdxErrorPage implements ErrorController {

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		FdxErrors.write(FdxRefusal.ofStatus((status instanceof Integer code) ? code : 500), response);
	}

}
