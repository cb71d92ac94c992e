package com.consentry.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client registration endpoint ({@code POST /register}, RFC 7591 §3) and client
 * configuration endpoint ({@code GET}/{@code PUT}/{@code DELETE /register/{clientId}},
 * RFC 7592 §2). Errors are written by {@link RegistrationErrorAdvice}.
 */
@RestController
@Tag(name = "registration", description = "RFC 7591 registration and RFC 7592 client configuration")
public final class RegistrationController {

	private static final String CLIENT_INFORMATION = "#/components/schemas/"
			+ RegistrationApiDescription.CLIENT_INFORMATION;

	private static final String ERROR = "#/components/schemas/" + RegistrationApiDescription.ERROR;

	private static final String REQUEST = "#/components/schemas/" + RegistrationApiDescription.REGISTRATION_REQUEST;

	private final Registrations registrations;

	public RegistrationController(Registrations registrations) {
		Assert.notNull(registrations, "registrations cannot be null");
		this.registrations = registrations;
	}

	/**
	 * RFC 7591 §3.1. The content type is checked here rather than by {@code consumes}, so
	 * that a wrong one gets the RFC 7591 error from this module instead of a container
	 * error page. The body is read up to one byte past its limit, so an oversized one is
	 * refused without reading it all.
	 */
	@PostMapping("/register")
	@Operation(operationId = "register", summary = "Register a client with a software statement",
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = REQUEST))),
			responses = {
					@ApiResponse(responseCode = "201",
							description = "Registered (PENDING until the bank approves, unless auto-approved)",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(ref = CLIENT_INFORMATION))),
					@ApiResponse(responseCode = "400", description = "Refused; nothing was stored",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(ref = ERROR))) })
	public ResponseEntity<Map<String, Object>> register(
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			InputStream body) throws IOException {
		RegistrationRequest.requireJson(contentType);
		byte[] bytes = body.readNBytes(RegistrationRequest.MAX_BYTES + 1);
		Map<String, Object> response = this.registrations.register(bytes);
		// RFC 7591 §3.2.1: 201 Created; the response carries a credential, so it must not
		// be cached.
		return ResponseEntity.status(HttpStatus.CREATED)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(response);
	}

	/** RFC 7592 §2.1. */
	@GetMapping("/register/{clientId}")
	@Operation(operationId = "readRegistration", summary = "Read the client's registration",
			security = @SecurityRequirement(name = RegistrationApiDescription.REGISTRATION_ACCESS_TOKEN),
			responses = {
					@ApiResponse(responseCode = "200", description = "The registration, without a token",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(ref = CLIENT_INFORMATION))),
					@ApiResponse(responseCode = "401",
							description = "Token missing or wrong, client unknown, deleted or revoked by the bank "
									+ "(WWW-Authenticate: Bearer error=\"invalid_token\")",
							content = @Content) })
	public ResponseEntity<Map<String, Object>> read(@PathVariable String clientId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(this.registrations.read(clientId, authorization));
	}

	/**
	 * RFC 7592 §2.2. The content type is passed on rather than checked here, so that the
	 * registration access token is checked first and a caller without it learns nothing
	 * from the body's errors.
	 */
	@PutMapping("/register/{clientId}")
	@Operation(operationId = "updateRegistration",
			summary = "Replace the client's metadata; answers a new registration access token",
			description = "The old registration access token stops working when the update commits. Keys may be "
					+ "rotated (a statement holding old and new keys keeps both valid); a redirect URI on a host "
					+ "the client did not use before is refused (invalid_redirect_uri): register new software.",
			security = @SecurityRequirement(name = RegistrationApiDescription.REGISTRATION_ACCESS_TOKEN),
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = REQUEST))),
			responses = {
					@ApiResponse(responseCode = "200", description = "Updated, with the new registration access token",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(ref = CLIENT_INFORMATION))),
					@ApiResponse(responseCode = "400", description = "Refused; nothing changed, the token still works",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(ref = ERROR))),
					@ApiResponse(responseCode = "401", description = "As for reading", content = @Content) })
	public ResponseEntity<Map<String, Object>> update(@PathVariable String clientId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(RegistrationRequest.MAX_BYTES + 1);
		// RFC 7592 §2.2: 200 with the client information response, which must not be
		// cached.
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(this.registrations.update(clientId, authorization, contentType, bytes));
	}

	/** RFC 7592 §2.3. */
	@DeleteMapping("/register/{clientId}")
	@Operation(operationId = "deleteRegistration",
			summary = "Delete the client; its consents and tokens are revoked with it",
			security = @SecurityRequirement(name = RegistrationApiDescription.REGISTRATION_ACCESS_TOKEN),
			responses = { @ApiResponse(responseCode = "204", description = "Deleted", content = @Content),
					@ApiResponse(responseCode = "401", description = "As for reading", content = @Content) })
	public ResponseEntity<Void> delete(@PathVariable String clientId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		this.registrations.delete(clientId, authorization);
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
