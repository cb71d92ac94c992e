package com.consentry.registry.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.Assert;

/**
 * The directories the bank trusts to sign software statements, each with its issuer and
 * its cached keys. A statement's {@code iss} picks the directory whose keys must have
 * signed it; a directory configured without an issuer (the single
 * {@code consentry.registry.directory} of earlier settings) takes statements of any
 * issuer no other directory claims.
 */
public final class TrustedDirectories {

	private final List<TrustedDirectory> directories;

	public TrustedDirectories(List<TrustedDirectory> directories) {
		Assert.notNull(directories, "directories cannot be null");
		this.directories = List.copyOf(directories);
	}

	/** One directory: the shape of the earlier single-directory settings. */
	public static TrustedDirectories of(DirectoryKeys keys, @Nullable String issuer) {
		return new TrustedDirectories(keys.isConfigured() ? List.of(new TrustedDirectory(issuer, keys)) : List.of());
	}

	/** Whether any directory is configured. */
	public boolean isConfigured() {
		return !this.directories.isEmpty();
	}

	/** The directory that vouches for statements with this {@code iss}. */
	public Optional<TrustedDirectory> forIssuer(@Nullable String issuer) {
		Optional<TrustedDirectory> named = this.directories.stream()
			.filter((directory) -> directory.issuer() != null && directory.issuer().equals(issuer))
			.findFirst();
		return named.isPresent() ? named
				: this.directories.stream().filter((directory) -> directory.issuer() == null).findFirst();
	}

	/**
	 * Reads every directory's key set again, so that a key a directory withdrew stops
	 * being trusted.
	 */
	@Scheduled(fixedDelayString = "${consentry.registry.directory.refresh-interval:5m}")
	public void refresh() {
		this.directories.forEach((directory) -> directory.keys().refresh());
	}

	/**
	 * A trusted directory.
	 *
	 * @param issuer the {@code iss} of its statements; {@code null} for the directory
	 * that takes any issuer no other claims
	 * @param keys its signing keys
	 */
	public record TrustedDirectory(@Nullable String issuer, DirectoryKeys keys) {

		public TrustedDirectory {
			Assert.notNull(keys, "keys cannot be null");
		}

	}

}
