package com.consentry.authz.customer;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import com.consentry.authz.passkeys.PasskeyUsers;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;

/**
 * A passkey made in software, for protocol tests that must forge what no real
 * authenticator would send: an ES256 key stored for a customer as an enrolled passkey
 * (its COSE public key in {@code authz.user_credentials}), and assertions (WebAuthn L3
 * §6.1 authenticator data, §5.8.1 client data, signed as §6.3.3 says) with any part
 * chosen by the test.
 */
final class SoftwarePasskey {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final KeyPair keys;

	private final Bytes credentialId;

	private final Bytes userHandle;

	private int counter;

	private SoftwarePasskey(KeyPair keys, Bytes credentialId, Bytes userHandle) {
		this.keys = keys;
		this.credentialId = credentialId;
		this.userHandle = userHandle;
	}

	/**
	 * A new key, stored as {@code customerId}'s passkey for relying party {@code rpId} as
	 * a registration with attestation {@code none} would store it.
	 */
	static SoftwarePasskey enrolledFor(String customerId, String rpId, JdbcOperations jdbc) {
		KeyPair keys = newKey();
		PasskeyUsers users = PasskeyUsers.customers(new JdbcPublicKeyCredentialUserEntityRepository(jdbc));
		if (users.findByUsername(customerId) == null) {
			users.save(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.random())
				.name(customerId)
				.displayName(customerId)
				.build());
		}
		Bytes userHandle = users.findByUsername(customerId).getId();
		SoftwarePasskey passkey = new SoftwarePasskey(keys, Bytes.random(), userHandle);
		byte[] publicKey = cose((ECPublicKey) keys.getPublic());
		new JdbcUserCredentialRepository(jdbc).save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(passkey.credentialId)
			.userEntityUserId(userHandle)
			.publicKey(new ImmutablePublicKeyCose(publicKey))
			.attestationObject(new Bytes(noneAttestation(rpId, passkey.credentialId.getBytes(), publicKey)))
			.attestationClientDataJSON(new Bytes("{\"type\":\"webauthn.create\"}".getBytes(StandardCharsets.UTF_8)))
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of(AuthenticatorTransport.INTERNAL))
			.backupEligible(false)
			.backupState(false)
			.created(Instant.now())
			.lastUsed(Instant.now())
			.label("software key")
			.build());
		return passkey;
	}

	/** The credential id, base64url. */
	String id() {
		return this.credentialId.toBase64UrlString();
	}

	/** A passkey the server has never seen. */
	static SoftwarePasskey unregistered() {
		return new SoftwarePasskey(newKey(), Bytes.random(), Bytes.random());
	}

	/** The same credential id and user, but another key: what a forger holds. */
	SoftwarePasskey withOtherKey() {
		return new SoftwarePasskey(newKey(), this.credentialId, this.userHandle);
	}

	/**
	 * The JSON the passkey script posts to {@code /login/webauthn}, for {@code challenge}
	 * (base64url) as seen by a page at {@code origin} for relying party {@code rpId}.
	 */
	String assertion(String challenge, String origin, String rpId) {
		return assertion(challenge, origin, rpId, true);
	}

	/**
	 * An assertion whose authenticator data says the user was present but not verified
	 * (an authenticator without PIN or biometrics).
	 */
	String assertionWithoutUserVerification(String challenge, String origin, String rpId) {
		return assertion(challenge, origin, rpId, false);
	}

	private String assertion(String challenge, String origin, String rpId, boolean userVerified) {
		this.counter++;
		byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}")
			.getBytes(StandardCharsets.UTF_8);
		ByteBuffer authenticatorData = ByteBuffer.allocate(37);
		authenticatorData.put(sha256(rpId.getBytes(StandardCharsets.US_ASCII)));
		// user present (0x01), and user verified (0x04)
		authenticatorData.put((byte) (userVerified ? 0x05 : 0x01));
		authenticatorData.putInt(this.counter);
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(this.keys.getPrivate());
			signer.update(authenticatorData.array());
			signer.update(sha256(clientData));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		String id = this.credentialId.toBase64UrlString();
		return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"response\":{\"authenticatorData\":\""
				+ BASE64URL.encodeToString(authenticatorData.array()) + "\",\"clientDataJSON\":\""
				+ BASE64URL.encodeToString(clientData) + "\",\"signature\":\"" + BASE64URL.encodeToString(signature)
				+ "\",\"userHandle\":\"" + this.userHandle.toBase64UrlString()
				+ "\"},\"credType\":\"public-key\",\"clientExtensionResults\":{},\"authenticatorAttachment\":\"platform\"}";
	}

	/**
	 * The JSON the passkey script posts to {@code /webauthn/register} to enrol this
	 * passkey (attestation {@code none}), for {@code challenge} (base64url) as seen by a
	 * page at {@code origin} for relying party {@code rpId}.
	 */
	String registration(String challenge, String origin, String rpId, String label) {
		byte[] clientData = ("{\"type\":\"webauthn.create\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}")
			.getBytes(StandardCharsets.UTF_8);
		byte[] attestation = noneAttestation(rpId, this.credentialId.getBytes(),
				cose((ECPublicKey) this.keys.getPublic()));
		String id = this.credentialId.toBase64UrlString();
		return "{\"publicKey\":{\"credential\":{\"id\":\"" + id + "\",\"rawId\":\"" + id
				+ "\",\"response\":{\"attestationObject\":\"" + BASE64URL.encodeToString(attestation)
				+ "\",\"clientDataJSON\":\"" + BASE64URL.encodeToString(clientData)
				+ "\",\"transports\":[\"internal\"]},\"type\":\"public-key\",\"clientExtensionResults\":{},"
				+ "\"authenticatorAttachment\":\"platform\"},\"label\":\"" + label + "\"}}";
	}

	private static KeyPair newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// WebAuthn L3 §6.5.4 and §8.7: {"fmt": "none", "attStmt": {}, "authData": rpIdHash,
	// flags UP UV AT,
	// counter 0, an all-zero AAGUID, the credential id and its COSE key}, in CBOR
	private static byte[] noneAttestation(String rpId, byte[] credentialId, byte[] publicKey) {
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.US_ASCII)));
		authData.writeBytes(new byte[] { 0x45, 0, 0, 0, 0 });
		authData.writeBytes(new byte[16]);
		authData.writeBytes(new byte[] { (byte) (credentialId.length >> 8), (byte) credentialId.length });
		authData.writeBytes(credentialId);
		authData.writeBytes(publicKey);
		byte[] data = authData.toByteArray();
		ByteArrayOutputStream cbor = new ByteArrayOutputStream();
		cbor.write(0xa3);
		cbor.writeBytes(new byte[] { 0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e' });
		cbor.writeBytes(new byte[] { 0x67, 'a', 't', 't', 'S', 't', 'm', 't', (byte) 0xa0 });
		cbor.writeBytes(new byte[] { 0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x59, (byte) (data.length >> 8),
				(byte) data.length });
		cbor.writeBytes(data);
		return cbor.toByteArray();
	}

	// RFC 9053 §7.1.1: an EC2 key, ES256, P-256, x and y as 32-byte strings, in CBOR
	private static byte[] cose(ECPublicKey key) {
		ByteArrayOutputStream cbor = new ByteArrayOutputStream();
		cbor.writeBytes(new byte[] { (byte) 0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20 });
		cbor.writeBytes(unsigned32(key.getW().getAffineX()));
		cbor.writeBytes(new byte[] { 0x22, 0x58, 0x20 });
		cbor.writeBytes(unsigned32(key.getW().getAffineY()));
		return cbor.toByteArray();
	}

	private static byte[] unsigned32(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
