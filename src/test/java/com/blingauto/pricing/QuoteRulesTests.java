package com.blingauto.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blingauto.catalog.CatalogEntry;
import com.blingauto.catalog.CategoryStatus;
import com.blingauto.catalog.ServiceStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PRC-2, PRC-3, PRC-4, PRC-6 arithmetic and messages, and the TAX_RATE bounds. */
class QuoteRulesTests {

    private static PricingApi.QuoteServiceItem item(UUID id, String name, String price, int duration) {
        return new PricingApi.QuoteServiceItem(id, name, price, duration, "Cat");
    }

    @Test
    void taxIsRoundedOnceHalfUpOnTheTaxableAmount() {
        var b = QuoteRules.breakdown(List.of(item(UUID.randomUUID(), "A", "10.05", 30), item(UUID.randomUUID(), "B", "0.10", 15)),
                new BigDecimal("0.0825"));
        assertThat(b.subtotal()).isEqualTo("10.15");
        assertThat(b.discountAmount()).isEqualTo("0.00");
        assertThat(b.taxableAmount()).isEqualTo("10.15");
        assertThat(b.taxRate()).isEqualTo("0.0825");
        assertThat(b.taxAmount()).isEqualTo("0.84"); // 0.837375
        assertThat(b.totalPrice()).isEqualTo("10.99");
        assertThat(b.totalDuration()).isEqualTo(45);
        assertThat(b.serviceCount()).isEqualTo(2);

        var half = QuoteRules.breakdown(List.of(item(UUID.randomUUID(), "A", "0.25", 30)), new BigDecimal("0.1000"));
        assertThat(half.taxAmount()).isEqualTo("0.03"); // 0.025 rounds up
    }

    @Test
    void limits() {
        var tooShort = QuoteRules.breakdown(List.of(item(UUID.randomUUID(), "A", "1.00", 15)), BigDecimal.ZERO);
        assertThat(QuoteRules.limitBroken(tooShort)).contains("Total duration must be at least 30 minutes");
        var tooLong = QuoteRules.breakdown(List.of(item(UUID.randomUUID(), "A", "1.00", 255)), BigDecimal.ZERO);
        assertThat(QuoteRules.limitBroken(tooLong)).contains("Total duration cannot exceed 240 minutes");
        var tooDear = QuoteRules.breakdown(List.of(item(UUID.randomUUID(), "A", "9000.00", 30)), new BigDecimal("0.2000"));
        assertThat(QuoteRules.limitBroken(tooDear)).contains("Total price cannot exceed $10000.00");
        var fine = QuoteRules.breakdown(List.of(item(UUID.randomUUID(), "A", "10000.00", 240)), BigDecimal.ZERO);
        assertThat(QuoteRules.limitBroken(fine)).isEmpty();
    }

    @Test
    void differencesInServiceOrderThenTheTaxRate() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        var quoted = QuoteRules.breakdown(List.of(item(a, "Basic Wash", "25.00", 30), item(b, "Wax", "10.00", 30),
                item(c, "Gone", "5.00", 15)), new BigDecimal("0.0000"));
        Map<UUID, CatalogEntry> now = Map.of(
                a, new CatalogEntry(a, "Basic Wash", UUID.randomUUID(), "Cat", new BigDecimal("30.00"), 30, ServiceStatus.ACTIVE, CategoryStatus.ACTIVE),
                b, new CatalogEntry(b, "Wax", UUID.randomUUID(), "Cat", new BigDecimal("10.00"), 45, ServiceStatus.ACTIVE, CategoryStatus.INACTIVE));
        assertThat(QuoteRules.differences(quoted, now, new BigDecimal("0.2000"))).containsExactly(
                "Price of 'Basic Wash' changed from 25.00 to 30.00",
                "Service 'Wax' is no longer available",
                "Service 'Gone' is no longer available",
                "Tax rate changed from 0.0000 to 0.2000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1.0001", "2", "0.12345"})
    void taxRateOutsideItsBoundsStopsTheStartUp(String rate) {
        assertThatThrownBy(() -> new PricingSettings(new BigDecimal(rate))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TAX_RATE");
    }

    @Test
    void taxRateIsKeptWithFourDecimals() {
        assertThat(new PricingSettings(new BigDecimal("0.2")).taxRate().toPlainString()).isEqualTo("0.2000");
        assertThat(new PricingSettings(null).taxRate().toPlainString()).isEqualTo("0.0000");
        assertThat(new PricingSettings(BigDecimal.ONE).taxRate().toPlainString()).isEqualTo("1.0000");
    }
}
