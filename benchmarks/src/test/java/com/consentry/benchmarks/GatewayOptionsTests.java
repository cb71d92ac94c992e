package com.consentry.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayOptionsTests {

	@Test
	@DisplayName("Defaults: the default run's ports, the issue's rates, the account endpoint, tier ELEVATED")
	void defaults() {
		GatewayOptions options = GatewayOptions.parse(new String[0]);
		assertThat(options.rates()).containsExactly(250, 500, 1000);
		assertThat(options.closedThreads()).containsExactly(4);
		assertThat(options.tier()).isEqualTo("ELEVATED");
		assertThat(options.gatewayUrl())
			.isEqualTo(URI.create("http://localhost:8080/fdx/v6/accounts/acc-alice-chk-01"));
		assertThat(options.coreUrl()).isEqualTo(URI.create("http://localhost:8090/fdx/v6/accounts/acc-alice-chk-01"));
	}

	@Test
	@DisplayName("RFC 9449 §4.2: htu is the gateway URL without the query; the request keeps it")
	void htuWithoutQuery() {
		GatewayOptions options = GatewayOptions.parse(new String[] { "--path",
				"/fdx/v6/accounts/acc-alice-chk-01/transactions?limit=5", "--gateway", "http://localhost:8080/" });
		assertThat(options.htu())
			.isEqualTo(URI.create("http://localhost:8080/fdx/v6/accounts/acc-alice-chk-01/transactions"));
		assertThat(options.gatewayUrl().getRawQuery()).isEqualTo("limit=5");
	}

	@Test
	@DisplayName("Only this machine is loaded, its database included")
	void loopbackOnly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayOptions.parse(new String[] { "--gateway", "http://gateway.example:8080" }))
			.withMessageContaining("--gateway");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayOptions.parse(new String[] { "--core", "http://10.0.0.1:8090" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayOptions.parse(new String[] { "--jdbc-url", "jdbc:postgresql://db.example/x" }));
		assertThat(GatewayOptions.parse(new String[] { "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/postgres" })
			.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
	}

	@Test
	@DisplayName("Runs fit in a proof's 60 s; 0 turns a list off; keep leaves the tier alone")
	void runsAndLists() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GatewayOptions.parse(new String[] { "--seconds", "40", "--warmup-seconds", "10" }))
			.withMessageContaining("60 s");
		GatewayOptions options = GatewayOptions
			.parse(new String[] { "--rates", "0", "--closed-threads", "1,8", "--tier", "keep" });
		assertThat(options.rates()).isEmpty();
		assertThat(options.closedThreads()).isEqualTo(List.of(1, 8));
		assertThat(options.tier()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> GatewayOptions.parse(new String[] { "--tier", "GOLD" }));
	}

	@Test
	@DisplayName("Without --jdbc-url, the embedded database's port comes from the fourth line of postmaster.pid")
	void databaseFromPidFile(@TempDir Path data) throws IOException {
		Files.writeString(data.resolve("postmaster.pid"),
				"4242\n/srv/consentry/.consentry-data/postgres\n1764600000\n38781\n/tmp\nlocalhost\n");
		assertThat(GatewayOptions.parse(new String[0]).databaseUrl(data))
			.isEqualTo("jdbc:postgresql://localhost:38781/postgres");
	}

}
