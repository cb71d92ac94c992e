package com.consentry.sandbox.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.consentry.sandbox.bank.BankAccount;
import com.consentry.sandbox.bank.BankCustomer;

/**
 * Renders a statement as a one-page PDF 1.4 document (ISO 32000-1): catalog, page tree,
 * one page, a content stream of text lines in Helvetica, and a cross-reference table
 * whose offsets point at each object, as readers require. Only the masked account number
 * appears.
 */
public final class StatementPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private StatementPdf() {
	}

	public static byte[] render(Statement statement, BankAccount account, BankCustomer customer) {
		List<String> lines = List.of("Consentry Bank - Account Statement",
				customer.givenName() + " " + customer.familyName(),
				account.productName() + " " + account.numberDisplay(),
				"Statement period: " + DATE.format(statement.periodStart()) + " to "
						+ DATE.format(statement.statementDate()),
				"Transactions: " + statement.transactionCount(),
				"Total credits: " + statement.totalCredits().toPlainString() + " " + account.currency(),
				"Total debits: " + statement.totalDebits().toPlainString() + " " + account.currency(),
				"Statement id: " + statement.statementId(), "Sandbox data for testing; not a real account.");
		StringBuilder content = new StringBuilder("BT\n/F1 12 Tf\n14 TL\n72 720 Td\n");
		for (String line : lines) {
			content.append('(').append(escape(line)).append(") Tj T*\n");
		}
		content.append("ET\n");
		byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
		List<String> objects = new ArrayList<>();
		objects.add("<< /Type /Catalog /Pages 2 0 R >>");
		objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
		objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
				+ "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
		objects.add("<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.US_ASCII)
				+ "endstream");
		objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		write(pdf, "%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.size());
			write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = pdf.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (int offset : offsets) {
			// each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type,
			// two-byte end of line
			table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
		}
		table.append("trailer\n<< /Size ")
			.append(objects.size() + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		write(pdf, table.toString());
		return pdf.toByteArray();
	}

	/**
	 * A PDF literal string: backslash, parentheses escaped; anything not printable ASCII
	 * replaced.
	 */
	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '\\' || c == '(' || c == ')') {
				escaped.append('\\').append(c);
			}
			else {
				escaped.append((c >= 32 && c < 127) ? c : '?');
			}
		}
		return escaped.toString();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

}
