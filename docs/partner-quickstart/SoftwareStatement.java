import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner's first steps against the default run, with the JDK alone: generates the
 * client's EC P-256 key (written to the file named by the second argument, private JWK)
 * and prints a software statement for it, signed ES256 with the demo directory's private
 * key (the first argument, which the default run writes). Run it as a single-file program:
 * {@code java docs/partner-quickstart/SoftwareStatement.java DIRECTORY_KEY CLIENT_KEY_OUT [ORG_ID] [NAME=VALUE]}.
 * With a fourth argument such as {@code tls_client_auth_san_dns=api.fintech.example} (or
 * {@code tls_client_auth_subject_dn}, {@code _san_uri}, {@code _san_ip},
 * {@code _san_email}) the statement registers the client for {@code tls_client_auth}
 * (RFC 8705): it authenticates with a certificate carrying that name, and its tokens are
 * bound to the certificate instead of a DPoP key.
 */
public class SoftwareStatement {

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: SoftwareStatement DIRECTORY_SIGNING_KEY.json CLIENT_KEY_OUT.json [ORG_ID]"
					+ " [tls_client_auth_san_dns=NAME]");
			System.exit(2);
		}
		String directoryJwk = Files.readString(Path.of(args[0]));
		String orgId = (args.length > 2) ? args[2] : "org-quickstart";
		String authentication = "\"token_endpoint_auth_method\":\"private_key_jwt\"";
		if (args.length > 3) {
			String[] name = args[3].split("=", 2);
			if (name.length != 2 || !name[0].startsWith("tls_client_auth_")) {
				System.err.println("the fourth argument is tls_client_auth_<kind>=VALUE");
				System.exit(2);
			}
			authentication = "\"token_endpoint_auth_method\":\"tls_client_auth\",\"" + name[0] + "\":\""
					+ name[1].replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		ECParameterSpec p256 = p256();

		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(p256);
		KeyPair client = generator.generateKeyPair();
		String clientKid = "client-" + UUID.randomUUID();
		String publicJwk = publicJwk((ECPublicKey) client.getPublic(), clientKid);
		String privateJwk = publicJwk.substring(0, publicJwk.length() - 1) + ",\"d\":\""
				+ base64Url(fixed(((ECPrivateKey) client.getPrivate()).getS())) + "\"}";
		Files.writeString(Path.of(args[1]), privateJwk);

		long now = Instant.now().getEpochSecond();
		String header = "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + member(directoryJwk, "kid") + "\"}";
		String claims = "{\"iss\":\"https://directory.demo.consentry.example\",\"iat\":" + now + ",\"exp\":"
				+ (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\",\"org_id\":\"" + orgId
				+ "\",\"org_name\":\"Quickstart Fintech\",\"client_name\":\"Quickstart Budget App\","
				+ "\"redirect_uris\":[\"https://app.quickstart.example/callback\"],\"jwks\":{\"keys\":[" + publicJwk
				+ "]}," + authentication + ","
				+ "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
				+ "\"scope\":\"openid fdx:accountdetailed:read fdx:transactions:read\"}";
		String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64Url(claims.getBytes(StandardCharsets.UTF_8));
		PrivateKey directory = KeyFactory.getInstance("EC")
			.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, base64UrlDecode(member(directoryJwk, "d"))), p256));
		Signature es256 = Signature.getInstance("SHA256withECDSA");
		es256.initSign(directory);
		es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		System.out.println(signingInput + "." + base64Url(joseSignature(es256.sign())));
	}

	private static ECParameterSpec p256() throws Exception {
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		return parameters.getParameterSpec(ECParameterSpec.class);
	}

	private static String publicJwk(ECPublicKey key, String kid) {
		return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"ES256\",\"x\":\""
				+ base64Url(fixed(key.getW().getAffineX())) + "\",\"y\":\"" + base64Url(fixed(key.getW().getAffineY()))
				+ "\"}";
	}

	/** JWS (RFC 7518 §3.4) wants R and S as two 32-byte numbers, not the JCA's DER. */
	private static byte[] joseSignature(byte[] der) {
		int offset = (der[1] & 0x80) != 0 ? 3 : 2;
		int rLength = der[offset + 1];
		BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength));
		int sStart = offset + 2 + rLength;
		BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, sStart + 2, sStart + 2 + der[sStart + 1]));
		byte[] jose = new byte[64];
		System.arraycopy(fixed(r), 0, jose, 0, 32);
		System.arraycopy(fixed(s), 0, jose, 32, 32);
		return jose;
	}

	private static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static String member(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalArgumentException("no \"" + name + "\" in the directory key");
		}
		return matcher.group(1);
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] base64UrlDecode(String value) {
		return Base64.getUrlDecoder().decode(value);
	}

}
