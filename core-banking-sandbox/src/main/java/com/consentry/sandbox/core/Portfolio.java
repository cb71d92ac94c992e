package com.consentry.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.consentry.sandbox.bank.BankAccount;

/**
 * What a brokerage account holds today: a broad stock fund and a bond fund always, up to
 * three more securities chosen by the account, weighted by the account; the value
 * {@code bank.account} records is split between them and a small cash position.
 *
 * @param holdings the positions, at today's prices
 * @param cash what is not invested: the recorded value less the positions
 */
public record Portfolio(List<Holding> holdings, BigDecimal cash) {

	/** The portfolio of {@code account} at {@code day}'s prices. */
	public static Portfolio of(BankAccount account, LocalDate day) {
		String id = account.accountId();
		BigDecimal value = account.balance().max(BigDecimal.ZERO);
		List<Security> securities = securitiesOf(id);
		int[] weights = new int[securities.size()];
		int total = 0;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = 1 + Seed.pick(4, id, "weight", securities.get(i).symbol());
			total += weights[i];
		}
		// 2 to 6 % stays in cash
		BigDecimal invested = value.multiply(BigDecimal.valueOf(94 + Seed.pick(5, id, "cash"), 2));
		List<Holding> holdings = new ArrayList<>();
		BigDecimal positions = Money.ZERO;
		for (int i = 0; i < weights.length; i++) {
			Security security = securities.get(i);
			BigDecimal price = security.price(day);
			BigDecimal share = invested.multiply(BigDecimal.valueOf(weights[i]))
				.divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
			BigDecimal units = share.divide(price, 4, RoundingMode.DOWN);
			BigDecimal marketValue = Money.round(units.multiply(price));
			BigDecimal cost = price.multiply(BigDecimal.valueOf(70 + Seed.pick(26, id, "cost", security.symbol()), 2))
				.setScale(2, RoundingMode.HALF_EVEN);
			holdings.add(new Holding("hold-" + id + "-" + security.symbol(), security.cusip(), "CUSIP",
					security.symbol(), security.name(), units, marketValue, cost, price));
			positions = positions.add(marketValue);
		}
		return new Portfolio(List.copyOf(holdings), value.subtract(positions).setScale(2, RoundingMode.HALF_EVEN));
	}

	/** The total: positions and cash, equal to the recorded value. */
	public BigDecimal currentValue() {
		return this.holdings.stream().map(Holding::marketValue).reduce(this.cash, BigDecimal::add);
	}

	/** The securities an account holds, fixed for the account. */
	static List<Security> securitiesOf(String accountId) {
		List<Security> held = new ArrayList<>(Security.ALL.subList(0, 2));
		for (Security security : Security.ALL.subList(2, Security.ALL.size())) {
			if (Seed.pick(3, accountId, "holds", security.symbol()) > 0) {
				held.add(security);
			}
		}
		return List.copyOf(held);
	}

}
