package com.consentry.sandbox.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.consentry.sandbox.bank.BankCustomer;

/**
 * What the bank knows of a customer beyond {@code bank.customer}: address, telephones,
 * date of birth and tax id, generated from the customer id. Tax ids start with 9, an area
 * the Social Security Administration never assigns, so no generated one is a real SSN.
 *
 * @param customer the bank's record
 * @param email the address on file, or one made from the name
 * @param address where the customer lives
 * @param telephones home and mobile
 * @param dateOfBirth between 1955 and 2000
 * @param taxId {@code 9nn-nn-nnnn}
 */
public record CustomerProfile(BankCustomer customer, String email, Address address, List<Telephone> telephones,
		LocalDate dateOfBirth, String taxId) {

	/**
	 * A postal address.
	 *
	 * @param line1 street and number
	 * @param city the city
	 * @param region the state
	 * @param postalCode the ZIP code
	 * @param country ISO 3166 alpha-2
	 */
	public record Address(String line1, String city, String region, String postalCode, String country) {
	}

	/**
	 * A telephone number.
	 *
	 * @param type {@code HOME}, {@code CELL}, ...
	 * @param country the country calling code
	 * @param number the national number
	 */
	public record Telephone(String type, String country, String number) {
	}

	private record Place(String city, String region, String zipPrefix, String areaCode) {
	}

	private static final List<Place> PLACES = List.of(new Place("Springfield", "IL", "627", "217"),
			new Place("Portland", "OR", "972", "503"), new Place("Austin", "TX", "787", "512"),
			new Place("Columbus", "OH", "432", "614"), new Place("Raleigh", "NC", "276", "919"));

	private static final List<String> STREETS = List.of("Oak Street", "Maple Avenue", "Cedar Lane", "Lakeview Drive",
			"Hillcrest Road", "Elm Court");

	public static CustomerProfile of(BankCustomer customer) {
		String id = customer.customerId();
		Place place = PLACES.get(Seed.pick(PLACES.size(), id, "place"));
		Address address = new Address(
				(100 + Seed.pick(9800, id, "house")) + " " + STREETS.get(Seed.pick(STREETS.size(), id, "street")),
				place.city(), place.region(),
				place.zipPrefix() + String.format(Locale.ROOT, "%02d", Seed.pick(100, id, "zip")), "US");
		// 555-01XX numbers are reserved for fiction
		List<Telephone> telephones = List.of(
				new Telephone("HOME", "1",
						place.areaCode() + "55501" + String.format(Locale.ROOT, "%02d", Seed.pick(100, id, "home"))),
				new Telephone("CELL", "1",
						place.areaCode() + "55501" + String.format(Locale.ROOT, "%02d", Seed.pick(100, id, "cell"))));
		LocalDate born = LocalDate.of(1955, 1, 1).plusDays(Seed.pick(16_800, id, "born"));
		String taxId = String.format(Locale.ROOT, "9%02d-%02d-%04d", Seed.pick(100, id, "tax-area"),
				1 + Seed.pick(99, id, "tax-group"), 1 + Seed.pick(9999, id, "tax-serial"));
		String email = (customer.email() != null) ? customer.email()
				: (customer.givenName() + "." + customer.familyName() + "@example.com").toLowerCase(Locale.ROOT);
		return new CustomerProfile(customer, email, address, telephones, born, taxId);
	}

}
