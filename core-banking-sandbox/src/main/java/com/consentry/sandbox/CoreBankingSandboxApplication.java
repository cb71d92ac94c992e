package com.consentry.sandbox;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The sandbox core-banking upstream (port 8090 in the default run). It reads the bank's
 * customers and accounts from the {@code bank} schema, which the authorization server
 * migrates and seeds, and generates everything else deterministically from the account.
 */
@SpringBootApplication
public class CoreBankingSandboxApplication {

	public static void main(String[] args) {
		SpringApplication.run(CoreBankingSandboxApplication.class, args);
	}

	/** Today's date decides the history window; tests replace it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
