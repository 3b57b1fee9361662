package com.blingauto.pricing;

import com.blingauto.catalog.CatalogEntry;
import com.blingauto.shared.DomainValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The arithmetic and comparisons of spec 04 (PRC-2, PRC-3, PRC-4, PRC-6), free of storage and HTTP. */
final class QuoteRules {

    static final int MIN_DURATION = 30;
    static final int MAX_DURATION = 240;
    static final BigDecimal MAX_TOTAL = new BigDecimal("10000.00");

    private QuoteRules() {
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String rate(BigDecimal rate) {
        return rate.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    static PricingApi.QuoteServiceItem item(CatalogEntry entry) {
        return new PricingApi.QuoteServiceItem(entry.id(), entry.name(), money(entry.price()), entry.durationMinutes(),
                entry.categoryName());
    }

    /** PRC-3, PRC-4: the breakdown of {@code items} (in request order) at {@code taxRate} (already 0 without tax). */
    static PricingApi.PriceBreakdown breakdown(List<PricingApi.QuoteServiceItem> items, BigDecimal taxRate) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        int duration = 0;
        for (PricingApi.QuoteServiceItem item : items) {
            subtotal = subtotal.add(new BigDecimal(item.price()));
            duration += item.duration();
        }
        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        BigDecimal taxable = subtotal.subtract(discount);
        BigDecimal tax = taxable.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = taxable.add(tax);
        return new PricingApi.PriceBreakdown(List.copyOf(items), money(subtotal), money(discount), money(taxable),
                rate(taxRate), money(tax), money(total), duration, items.size());
    }

    /** PRC-2: the message of the first limit the breakdown breaks, if any. */
    static Optional<String> limitBroken(PricingApi.PriceBreakdown breakdown) {
        if (breakdown.totalDuration() < MIN_DURATION) {
            return Optional.of("Total duration must be at least 30 minutes");
        }
        if (breakdown.totalDuration() > MAX_DURATION) {
            return Optional.of("Total duration cannot exceed 240 minutes");
        }
        if (new BigDecimal(breakdown.totalPrice()).compareTo(MAX_TOTAL) > 0) {
            return Optional.of("Total price cannot exceed $10000.00");
        }
        return Optional.empty();
    }

    static void checkLimits(PricingApi.PriceBreakdown breakdown) {
        limitBroken(breakdown).ifPresent(message -> {
            throw new DomainValidationException(message);
        });
    }

    /** PRC-6: what changed since the quote, in service order, then the tax rate. */
    static List<String> differences(PricingApi.PriceBreakdown quoted, Map<UUID, CatalogEntry> current, BigDecimal currentRate) {
        List<String> messages = new ArrayList<>();
        for (PricingApi.QuoteServiceItem item : quoted.services()) {
            CatalogEntry now = current.get(item.serviceId());
            if (now == null || !now.sellable()) {
                messages.add("Service '" + item.serviceName() + "' is no longer available");
                continue;
            }
            if (now.price().compareTo(new BigDecimal(item.price())) != 0) {
                messages.add("Price of '" + item.serviceName() + "' changed from " + item.price() + " to " + money(now.price()));
            }
            if (now.durationMinutes() != item.duration()) {
                messages.add("Duration of '" + item.serviceName() + "' changed from " + item.duration() + " to "
                        + now.durationMinutes() + " minutes");
            }
        }
        if (new BigDecimal(quoted.taxRate()).compareTo(currentRate) != 0) {
            messages.add("Tax rate changed from " + quoted.taxRate() + " to " + rate(currentRate));
        }
        return messages;
    }
}
