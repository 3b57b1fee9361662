package com.blingauto.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and representations of spec 04 §2–3. Money is a 2-decimal string, the tax rate a 4-decimal one. */
public final class PricingApi {

    private PricingApi() {
    }

    public record QuoteRequest(
            @NotNull @Size(min = 1, max = 10) List<@NotNull UUID> serviceIds,
            @Size(max = 200) String customerLocation,
            Boolean applyTax,
            Boolean applyDiscounts) {
    }

    public record QuoteServiceItem(UUID serviceId, String serviceName, String price, int duration, String category) {
    }

    public record PriceBreakdown(List<QuoteServiceItem> services, String subtotal, String discountAmount,
                                 String taxableAmount, String taxRate, String taxAmount, String totalPrice,
                                 int totalDuration, int serviceCount) {
    }

    public record Quote(UUID quoteId, String totalPrice, int totalDuration, int serviceCount, Instant createdAt,
                        Instant validUntil, PriceBreakdown breakdown) {
    }

    public record QuoteValidation(UUID quoteId, @JsonProperty("is_valid") boolean isValid, List<String> validationErrors,
                                  Quote updatedQuote) {
    }
}
