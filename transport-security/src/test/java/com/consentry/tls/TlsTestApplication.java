package com.consentry.tls;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal web application served with this module's TLS. */
@SpringBootApplication
@RestController
class TlsTestApplication {

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

}
