package com.consentry.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The resource gateway: a partner's FDX calls meet the bank's data here, and only what
 * the customer consented to passes.
 */
@SpringBootApplication
public class ResourceGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(ResourceGatewayApplication.class, args);
	}

}
