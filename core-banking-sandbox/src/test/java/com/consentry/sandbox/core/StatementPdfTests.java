package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.consentry.sandbox.bank.BankCustomer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement PDF is a well-formed PDF a reader can open. */
class StatementPdfTests {

	private static final Statement STATEMENT = new Statement("stmt-acc-t-chk-202610", "acc-t-chk",
			LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 1), 42, new BigDecimal("5210.00"),
			new BigDecimal("4977.31"));

	private final String pdf = new String(StatementPdf.render(STATEMENT, TestAccounts.CHECKING,
			new BankCustomer("cust-t", "Ada (Test)", "Lovelace\\", null)), StandardCharsets.ISO_8859_1);

	@Test
	@DisplayName("ISO 32000-1 §7.5: header, objects at the offsets the cross-reference table gives, startxref, %%EOF")
	void wellFormed() {
		assertThat(this.pdf).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
		Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(this.pdf);
		assertThat(startxref.find()).isTrue();
		int xref = Integer.parseInt(startxref.group(1));
		assertThat(this.pdf.substring(xref)).startsWith("xref\n0 6\n0000000000 65535 f \n");
		Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(this.pdf.substring(xref));
		int object = 0;
		while (entry.find()) {
			object++;
			int offset = Integer.parseInt(entry.group(1));
			assertThat(this.pdf.substring(offset)).startsWith(object + " 0 obj\n");
		}
		assertThat(object).isEqualTo(5);
		Matcher stream = Pattern.compile("<< /Length (\\d+) >>\nstream\n").matcher(this.pdf);
		assertThat(stream.find()).isTrue();
		int length = Integer.parseInt(stream.group(1));
		assertThat(this.pdf.substring(stream.end() + length)).startsWith("endstream");
	}

	@Test
	@DisplayName("The statement shows the month's totals and the masked number, never the full one; text is escaped")
	void content() {
		assertThat(this.pdf).contains("(Total credits: 5210.00 USD)", "(Transactions: 42)", "...3401")
			.doesNotContain("021000021000123401")
			.contains("Ada \\(Test\\) Lovelace\\\\");
	}

}
