package com.consentry.authz.consentapi;

import com.consentry.consent.ConsentUpdateReason;
import com.consentry.consent.PartyType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * FDX {@code ConsentRevocationRequest} {@code {"reason": ConsentUpdateReason,
 * "initiator": PartyType}}, parsed strictly: JSON only, both members required, no other
 * member, no member twice. A partner cannot name the data provider (the bank) as the
 * initiator: it does not speak for the bank.
 */
record ConsentRevocationRequest(ConsentUpdateReason reason, PartyType initiator) {

	private static final int MAX_BODY = 4096;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	static ConsentRevocationRequest parse(@Nullable String contentType, byte @Nullable [] body) {
		if (contentType == null
				|| !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
			throw new InvalidRevocationRequestException(FdxError.CONTENT_TYPE_NOT_SUPPORTED);
		}
		if (body == null || body.length == 0 || body.length > MAX_BODY) {
			throw new InvalidRevocationRequestException(FdxError.INVALID_INPUT);
		}
		Members members;
		try {
			members = JSON.readValue(body, Members.class);
		}
		catch (JacksonException ex) {
			throw new InvalidRevocationRequestException(FdxError.INVALID_INPUT);
		}
		if (members == null || members.reason() == null || members.initiator() == null
				|| members.initiator() == PartyType.DATA_PROVIDER) {
			throw new InvalidRevocationRequestException(FdxError.INVALID_INPUT);
		}
		return new ConsentRevocationRequest(members.reason(), members.initiator());
	}

	/** The members as sent, each possibly missing. */
	record Members(@Nullable ConsentUpdateReason reason, @Nullable PartyType initiator) {
	}

	/** A revocation request this API cannot take; the consent is left as it was. */
	static final class InvalidRevocationRequestException extends RuntimeException {

		private final FdxError error;

		InvalidRevocationRequestException(FdxError error) {
			super(error.message());
			this.error = error;
		}

		FdxError error() {
			return this.error;
		}

	}

}
