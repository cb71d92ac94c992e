package com.consentry.authz.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.consentry.audit.AuditChainVerifier;
import com.consentry.audit.AuditTrail;
import com.consentry.audit.ChainVerification;
import com.consentry.authz.keys.AuditCheckpointKeys;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over HTTP: {@code GET /admin/audit/verification} re-walks the chain and
 * its checkpoints for a bank admin (the console's security applies: password and passkey)
 * and answers 200 when intact, 409 naming the first broken record otherwise;
 * {@code GET /.well-known/audit-checkpoint-keys} publishes the checkpoints' public keys
 * to anyone, so that a verifier need not trust the database for them.
 */
@RestController
class AuditEndpoints {

	static final String VERIFICATION = "/admin/audit/verification";

	static final String KEYS = "/.well-known/audit-checkpoint-keys";

	private final AuditChainVerifier verifier;

	private final AuditTrail trail;

	private final AuditCheckpointKeys keys;

	AuditEndpoints(AuditChainVerifier verifier, AuditTrail trail, AuditCheckpointKeys keys) {
		Assert.notNull(verifier, "verifier cannot be null");
		Assert.notNull(trail, "trail cannot be null");
		Assert.notNull(keys, "keys cannot be null");
		this.verifier = verifier;
		this.trail = trail;
		this.keys = keys;
	}

	@GetMapping(VERIFICATION)
	ResponseEntity<Map<String, Object>> verify() {
		this.trail.flush();
		ChainVerification verification = this.verifier.verify();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("intact", verification.intact());
		body.put("records", verification.records());
		body.put("checkpoints", verification.checkpoints());
		if (!verification.intact()) {
			body.put("first_broken_record", verification.firstBroken());
			body.put("problem", verification.problem());
		}
		body.put("summary", verification.summary());
		return ResponseEntity.status(verification.intact() ? HttpStatus.OK : HttpStatus.CONFLICT)
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	@GetMapping(KEYS)
	Map<String, List<AuditCheckpointKeys.PublishedKey>> keys() {
		// both keys exist once asked for, so the document never starts empty
		this.keys.es256();
		this.keys.mlDsa();
		return Map.of("keys", this.keys.published());
	}

}
