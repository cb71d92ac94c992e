package com.consentry.authz.admin.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.consentry.consent.ConsentCounts;
import com.consentry.consent.ConsentCounts.DailyConsentCounts;
import com.consentry.registry.PartnerDirectory;
import com.consentry.registry.PartnerOrganisation;
import com.consentry.registry.PartnerSoftware;
import com.consentry.registry.PartnerStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's first page: partners by status, consents granted and revoked per day over
 * the last {@value #DAYS} days (from the consents' own timestamps), and access tokens
 * issued per partner over the same days ({@link TokenIssuanceCounts}).
 */
@Controller
final class OverviewPage {

	static final int DAYS = 30;

	private static final int TOP_PARTNERS = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

	private final PartnerDirectory directory;

	private final ConsentCounts consents;

	private final TokenIssuanceCounts tokens;

	private final Clock clock;

	OverviewPage(PartnerDirectory directory, ConsentCounts consents, TokenIssuanceCounts tokens, Clock clock) {
		Assert.notNull(directory, "directory cannot be null");
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.directory = directory;
		this.consents = consents;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping({ "/admin", "/admin/" })
	String overview(Model model) {
		List<PartnerOrganisation> organisations = this.directory.search(null, null);
		Map<PartnerStatus, Long> byStatus = new EnumMap<>(PartnerStatus.class);
		Arrays.stream(PartnerStatus.values()).forEach((status) -> byStatus.put(status, 0L));
		organisations.forEach((organisation) -> byStatus.merge(organisation.status(), 1L, Long::sum));
		List<String> statusNames = byStatus.keySet().stream().map(PartnerStatus::name).toList();
		model.addAttribute("partnersByStatus", byStatus);
		model.addAttribute("pending", byStatus.get(PartnerStatus.PENDING));
		model.addAttribute("partnerChart", Chart.columns(statusNames,
				List.of(new Chart.Series("partners", "", List.copyOf(byStatus.values()))), 480, 220, 1));

		LocalDate last = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = last.minusDays(DAYS - 1);
		List<DailyConsentCounts> days = this.consents.grantedAndRevokedPerDay(first, last);
		model.addAttribute("first", first);
		model.addAttribute("last", last);
		model.addAttribute("granted", days.stream().mapToLong(DailyConsentCounts::granted).sum());
		model.addAttribute("revoked", days.stream().mapToLong(DailyConsentCounts::revoked).sum());
		model.addAttribute("consentChart", Chart.columns(days.stream().map((d) -> DAY.format(d.day())).toList(), List
			.of(new Chart.Series("granted", "granted", days.stream().map(DailyConsentCounts::granted).toList()),
					new Chart.Series("revoked", "revoked", days.stream().map(DailyConsentCounts::revoked).toList())),
				720, 240, 5));

		Map<String, String> softwareNames = new HashMap<>();
		for (PartnerOrganisation organisation : organisations) {
			for (PartnerSoftware software : organisation.software()) {
				softwareNames.put(software.clientId(), software.clientName() + " (" + organisation.orgName() + ")");
			}
		}
		List<TokenIssuanceCounts.ClientCount> issued = this.tokens.perClient(first, last);
		List<TokenIssuanceCounts.ClientCount> top = issued.subList(0, Math.min(TOP_PARTNERS, issued.size()));
		model.addAttribute("tokensIssued", issued.stream().mapToLong(TokenIssuanceCounts.ClientCount::issued).sum());
		model
			.addAttribute(
					"tokenChart", top
						.isEmpty()
								? null
								: Chart.rows(
										top.stream()
											.map((count) -> softwareNames.getOrDefault(count.clientId(),
													count.clientId()))
											.toList(),
										top.stream().map(TokenIssuanceCounts.ClientCount::issued).toList(), "tokens",
										720));
		return "admin/overview";
	}

}
