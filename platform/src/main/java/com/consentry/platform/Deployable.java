package com.consentry.platform;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One of the platform's deployables, run as a process of its own from its module's class
 * path ({@code target/classes} and the {@code target/runtime-classpath.txt} its build
 * writes): exactly what it would be in production, minus the packaging.
 *
 * @param module the Maven module
 * @param mainClass its Spring Boot application class
 */
public record Deployable(String module, String mainClass) {

	public static final Deployable AUTHORIZATION_SERVER = new Deployable("authz-server",
			"com.consentry.authz.AuthorizationServerApplication");

	public static final Deployable RESOURCE_GATEWAY = new Deployable("resource-gateway",
			"com.consentry.gateway.ResourceGatewayApplication");

	public static final Deployable CORE_BANKING_SANDBOX = new Deployable("core-banking-sandbox",
			"com.consentry.sandbox.CoreBankingSandboxApplication");

	/**
	 * Starts it.
	 * @param root the repository root (working directory of the process)
	 * @param arguments Spring arguments ({@code --name=value})
	 * @param environment added to the environment
	 * @param log where its output goes; {@code null} to share this process's
	 */
	public Process start(Path root, List<String> arguments, Map<String, String> environment, @Nullable Path log)
			throws IOException {
		return start(root, List.of(), arguments, environment, log);
	}

	/**
	 * Starts it with options for its JVM.
	 * @param root the repository root (working directory of the process)
	 * @param jvmOptions options of the JVM ({@code -Dname=value})
	 * @param arguments Spring arguments ({@code --name=value})
	 * @param environment added to the environment
	 * @param log where its output goes; {@code null} to share this process's
	 */
	public Process start(Path root, List<String> jvmOptions, List<String> arguments, Map<String, String> environment,
			@Nullable Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath(root));
		command.add(this.mainClass);
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
		builder.environment().putAll(environment);
		if (log != null) {
			Files.createDirectories(log.getParent());
			builder.redirectErrorStream(true).redirectOutput(log.toFile());
		}
		else {
			builder.inheritIO();
		}
		return builder.start();
	}

	private String classPath(Path root) throws IOException {
		Path target = root.resolve(this.module).resolve("target");
		Path dependencies = target.resolve("runtime-classpath.txt");
		if (!Files.isRegularFile(dependencies)) {
			throw new IllegalStateException(
					"No " + dependencies + ": build the platform first (mvn -pl platform -am compile)");
		}
		return target.resolve("classes") + File.pathSeparator
				+ Files.readString(dependencies, StandardCharsets.UTF_8).trim();
	}

	/**
	 * Waits until {@code url} answers (any status below 500), or fails when the process
	 * ends or {@code timeout} passes.
	 */
	public static void awaitHttp(Process process, URI url, Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(url + ": the process ended with status " + process.exitValue());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() < 500) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(url + " did not answer within " + timeout);
	}

	/** Stops a process as Ctrl-C would, and kills it if it does not end in time. */
	public static void stop(@Nullable Process process) {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
