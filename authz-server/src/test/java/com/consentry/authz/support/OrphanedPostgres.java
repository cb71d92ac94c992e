package com.consentry.authz.support;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Run in a child JVM by a test that then kills that JVM with SIGKILL: what stays behind
 * is a PostgreSQL server on the data directory whose owner is gone, as after a crash of
 * the default run.
 */
public final class OrphanedPostgres {

	private OrphanedPostgres() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of(args[0]))
			.setCleanDataDirectory(false)
			.start();
		System.out.println("READY " + postgres.getPort());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
