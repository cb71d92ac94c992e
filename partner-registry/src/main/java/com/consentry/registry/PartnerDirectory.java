package com.consentry.registry;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.consentry.registry.internal.OrganisationStore;
import com.consentry.registry.internal.OrganisationStore.OrganisationRow;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * The bank's view of its partner organisations: each with its software clients, their
 * redirect URIs and keys, its status and its policy.
 */
@Service
public class PartnerDirectory {

	private final OrganisationStore organisations;

	private final RegistryProperties properties;

	public PartnerDirectory(OrganisationStore organisations, RegistryProperties properties) {
		Assert.notNull(organisations, "organisations cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		this.organisations = organisations;
		this.properties = properties;
	}

	/**
	 * Organisations in the order they first registered.
	 * @param status only those with this status, when given
	 * @param text only those whose id or name, or a software's {@code client_name},
	 * contains it (ignoring case), when given
	 */
	public List<PartnerOrganisation> search(@Nullable PartnerStatus status, @Nullable String text) {
		return organisations(this.organisations.rows(null, status, text));
	}

	public Optional<PartnerOrganisation> find(String orgId) {
		Assert.notNull(orgId, "orgId cannot be null");
		return organisations(this.organisations.rows(orgId, null, null)).stream().findFirst();
	}

	private List<PartnerOrganisation> organisations(List<OrganisationRow> rows) {
		Map<String, List<OrganisationRow>> byOrg = new LinkedHashMap<>();
		rows.forEach((row) -> byOrg.computeIfAbsent(row.orgId(), (id) -> new ArrayList<>()).add(row));
		List<PartnerOrganisation> organisations = new ArrayList<>();
		byOrg.forEach((orgId, clients) -> {
			OrganisationRow first = clients.get(0);
			OrganisationRow latest = clients.get(clients.size() - 1);
			List<PartnerSoftware> software = clients.stream()
				.map((row) -> new PartnerSoftware(row.clientId(), row.clientName(), redirectUris(row), row.keys(),
						row.createdAt()))
				.toList();
			PartnerPolicy policy = this.organisations.policy(orgId)
				.orElseGet(() -> this.properties.defaultPolicy().policy());
			organisations.add(new PartnerOrganisation(orgId, latest.orgName(), first.status(), software, policy,
					first.createdAt()));
		});
		return organisations;
	}

	private static List<String> redirectUris(OrganisationRow row) {
		try {
			Object uris = JSONObjectUtils.parse(row.metadataJson()).get("redirect_uris");
			return (uris instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
		}
		catch (ParseException ex) {
			return List.of();
		}
	}

}
