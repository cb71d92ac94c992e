package com.consentry.gateway;

import com.consentry.gateway.fdx.FdxErrors;
import com.consentry.gateway.fdx.FdxRefusal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

/**
 * The gateway's routes (Spring Cloud Gateway Server WebMVC): the FDX consent API to the
 * consent service, which checks its callers itself; every other FDX v6 path through
 * {@link FdxAccess} to the core-banking system; anything else an FDX 404.
 */
@Configuration(proxyBeanMethods = false)
class FdxRoutes {

	@Bean
	@Order(1)
	RouterFunction<ServerResponse> consentApi(GatewayProperties properties) {
		return route("fdx-consents").route(RequestPredicates.path("/fdx/v6/consents/**"), http())
			.before(uri(properties.consentServiceUrl()))
			.build();
	}

	@Bean
	@Order(2)
	RouterFunction<ServerResponse> accountApis(FdxAccess access) {
		return route("fdx-accounts").route(RequestPredicates.path("/fdx/v6/**"), http()).filter(access).build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	RouterFunction<ServerResponse> unknownPaths() {
		return RouterFunctions.route(RequestPredicates.all(),
				(request) -> FdxErrors.response(FdxRefusal.noSuchEndpoint()));
	}

}
