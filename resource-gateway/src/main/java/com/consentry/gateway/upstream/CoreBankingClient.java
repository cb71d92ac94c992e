package com.consentry.gateway.upstream;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client the gateway calls the core (and the consent service) with: Apache
 * HttpClient, blocking, on a connection pool as large as the request threads. The JDK
 * client Spring Cloud Gateway picks by default completes every exchange on another
 * thread, and on a 2-core machine (common pool of one) starts a new thread per request;
 * the timeouts ({@code spring.http.clients.*}) apply either way.
 */
@Configuration(proxyBeanMethods = false)
class CoreBankingClient {

	// as many as Tomcat's request threads (server.tomcat.threads.max): no request waits
	// for a connection another request holds
	private static final int CONNECTIONS = 200;

	@Bean
	ClientHttpRequestFactoryBuilder<?> coreBankingRequestFactory() {
		return ClientHttpRequestFactoryBuilder.httpComponents()
			.withConnectionManagerCustomizer(
					(pool) -> pool.setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS));
	}

}
