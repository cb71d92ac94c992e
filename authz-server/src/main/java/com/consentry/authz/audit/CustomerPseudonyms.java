package com.consentry.authz.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.consentry.authz.keys.ServerSecrets;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The customer as the audit trail names them: HMAC-SHA-256 of the customer id (or of the
 * user name tried at a failed sign-in) under a secret every instance shares, never the id
 * itself. The same customer has the same pseudonym on every instance and across restarts.
 */
@Component
@DependsOnDatabaseInitialization
public class CustomerPseudonyms {

	private final SecretKeySpec key;

	public CustomerPseudonyms(ServerSecrets secrets) {
		this.key = new SecretKeySpec(secrets.secret("audit-customer-pseudonym"), "HmacSHA256");
	}

	public String of(String customerId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return "c-" + HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)), 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

}
