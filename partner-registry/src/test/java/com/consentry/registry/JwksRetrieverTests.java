package com.consentry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwksRetrieverTests {

	private static final RegistryProperties.JwksFetch PRODUCTION = new RegistryProperties.JwksFetch(false, List.of(),
			1000, Duration.ofSeconds(30));

	private final JwksRetriever retriever = new JwksRetriever(PRODUCTION, 2000, 2000, 64 * 1024);

	@ParameterizedTest
	@MethodSource("nonPublicAddresses")
	@DisplayName("RFC7591 §5 (SSRF): addresses a public key set cannot live at are not public")
	void isPublicWhenInternalAddressThenFalse(String address) throws Exception {
		assertThat(JwksRetriever.isPublic(InetAddress.getByName(address))).isFalse();
	}

	static Stream<Arguments> nonPublicAddresses() {
		return Stream.of(argumentSet("fails because it is IPv4 loopback", "127.0.0.1"),
				argumentSet("fails because it is another loopback address", "127.10.0.1"),
				argumentSet("fails because it is IPv6 loopback", "::1"),
				argumentSet("fails because it is RFC 1918 10/8", "10.0.0.5"),
				argumentSet("fails because it is RFC 1918 172.16/12", "172.20.1.1"),
				argumentSet("fails because it is RFC 1918 192.168/16", "192.168.1.10"),
				argumentSet("fails because it is link-local (cloud metadata)", "169.254.169.254"),
				argumentSet("fails because it is IPv6 link-local", "fe80::1"),
				argumentSet("fails because it is an IPv6 unique local address (fc00::/7)", "fd12:3456::1"),
				argumentSet("fails because it is unspecified", "0.0.0.0"),
				argumentSet("fails because it is IPv6 unspecified", "::"),
				argumentSet("fails because it is multicast", "224.0.0.251"),
				argumentSet("fails because it is IPv6 multicast", "ff02::1"),
				argumentSet("fails because it is shared address space (100.64/10)", "100.64.0.1"),
				argumentSet("fails because it is broadcast", "255.255.255.255"),
				argumentSet("fails because it is an IPv4-mapped private address", "::ffff:10.0.0.1"),
				argumentSet("fails because it is a NAT64 loopback address", "64:ff9b::7f00:1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808" })
	@DisplayName("RFC7591 §5: public addresses are public")
	void isPublicWhenPublicAddressThenTrue(String address) throws Exception {
		assertThat(JwksRetriever.isPublic(InetAddress.getByName(address))).isTrue();
	}

	@Test
	@DisplayName("RFC7591 §5 (SSRF): a jwks_uri on loopback is refused after resolution, before any connection is made")
	void retrieveWhenHostResolvesToLoopbackThenRefusedWithoutConnecting() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			URL url = URI.create("https://localhost:" + listener.getLocalPort() + "/jwks.json").toURL();

			assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.retriever.retrieveResource(url));

			assertThat(acceptedWithin(listener, Duration.ofMillis(300))).as("a connection reached the listener")
				.isFalse();
		}
	}

	@Test
	@DisplayName("Default run: with private addresses allowed, the same fetch does connect (the guard is what refused it)")
	void retrieveWhenPrivateAddressesAllowedThenConnects() throws Exception {
		JwksRetriever lenient = new JwksRetriever(
				new RegistryProperties.JwksFetch(true, List.of(), 10, Duration.ofSeconds(30)), 2000, 500, 1024);
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			URL url = URI.create("https://localhost:" + listener.getLocalPort() + "/jwks.json").toURL();

			assertThatExceptionOfType(IOException.class).isThrownBy(() -> lenient.retrieveResource(url));

			assertThat(acceptedWithin(listener, Duration.ofMillis(300))).isTrue();
		}
	}

	@Test
	@DisplayName("RFC7591 §5: with a host allow-list, other hosts are refused before any lookup")
	void retrieveWhenHostNotAllowListedThenRefused() throws Exception {
		JwksRetriever listed = new JwksRetriever(
				new RegistryProperties.JwksFetch(true, List.of("Keys.Directory.Example"), 10, Duration.ofSeconds(30)),
				2000, 2000, 1024);
		URL url = URI.create("https://evil.example/jwks.json").toURL();

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> listed.retrieveResource(url))
			.withMessageContaining("allow-list");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://keys.example/jwks.json", "file:/etc/passwd", "ftp://keys.example/jwks.json" })
	@DisplayName("FAPI2 SP §5.4.2: only https URLs are fetched")
	void retrieveWhenNotHttpsThenRefused(String url) {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.retriever.retrieveResource(URI.create(url).toURL()));
	}

	@Test
	@DisplayName("RFC7591 §5 (SSRF): redirects are not followed, so a public host cannot bounce the fetch inward")
	void openConnectionThenRedirectsNotFollowed() throws Exception {
		HttpURLConnection connection = this.retriever
			.openHTTPConnection(URI.create("https://keys.example/jwks.json").toURL());

		assertThat(connection.getInstanceFollowRedirects()).isFalse();
	}

	private static boolean acceptedWithin(ServerSocket listener, Duration timeout) throws IOException {
		listener.setSoTimeout((int) timeout.toMillis());
		try (Socket accepted = listener.accept()) {
			return accepted != null;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

}
