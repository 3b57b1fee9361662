package com.blingauto.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.DomainValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** SVC-4, SVC-6, SVC-7, SVC-8, SVC-10 on the aggregate and its helpers. */
class CatalogRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static WashService service(ServiceStatus status, boolean popular) {
        WashService s = WashService.create(UUID.randomUUID(), "Wash", "", new BigDecimal("25"), 30, popular, 0, NOW);
        ReflectionTestUtils.setField(s, "status", status);
        return s;
    }

    @ParameterizedTest
    @CsvSource({"15,15m", "45,45m", "60,1h", "90,1h 30m", "120,2h", "135,2h 15m", "480,8h"})
    void durationDisplay(int minutes, String expected) {
        assertThat(Display.duration(minutes)).isEqualTo(expected);
    }

    @Test
    void priceDisplay() {
        assertThat(Display.price(new BigDecimal("45.9"))).isEqualTo("$45.90");
        assertThat(Display.money(new BigDecimal("7"))).isEqualTo("7.00");
    }

    @ParameterizedTest
    @CsvSource({"25.00,30.00,20.00", "30.00,20.00,-33.33", "20.00,20.00,0.00", "3.00,1.00,-66.67", "0.03,0.04,33.33"})
    void changePercentIsRoundedOnceHalfUp(String oldPrice, String newPrice, String expected) {
        assertThat(CatalogService.changePercent(new BigDecimal(oldPrice), new BigDecimal(newPrice)).toPlainString()).isEqualTo(expected);
    }

    @Test
    void standardTierCapsPricesAt500() {
        CatalogService.checkPriceCap(new BigDecimal("500.00"), "price");
        assertThatThrownBy(() -> CatalogService.checkPriceCap(new BigDecimal("500.01"), "new_price"))
                .isInstanceOf(DomainValidationException.class)
                .hasMessage("Price cannot exceed $500.00 for standard services");
    }

    @Test
    void deactivationFromEveryStatus() {
        WashService active = service(ServiceStatus.ACTIVE, true);
        UUID admin = UUID.randomUUID();
        assertThat(active.deactivate("Broken machine", admin, NOW)).isTrue();
        assertThat(active.status()).isEqualTo(ServiceStatus.INACTIVE);
        assertThat(active.popular()).isFalse();
        assertThat(active.deactivationReason()).isEqualTo("Broken machine");
        assertThat(active.deactivatedBy()).isEqualTo(admin);

        WashService inactive = service(ServiceStatus.INACTIVE, false);
        assertThat(inactive.deactivate("Broken machine", admin, NOW)).isFalse();
        assertThat(inactive.deactivationReason()).isNull();

        assertThatThrownBy(() -> service(ServiceStatus.ARCHIVED, false).deactivate("Broken machine", admin, NOW))
                .isInstanceOf(BusinessRuleViolationException.class)
                .hasMessage("Archived services cannot be deactivated");
    }

    @ParameterizedTest
    @EnumSource(ServiceStatus.class)
    void onlyActiveServicesBecomePopularAndAnyCanStopBeingPopular(ServiceStatus status) {
        WashService s = service(status, false);
        if (status == ServiceStatus.ACTIVE) {
            s.markPopular(true, NOW);
            assertThat(s.popular()).isTrue();
        } else {
            assertThatThrownBy(() -> s.markPopular(true, NOW)).isInstanceOf(BusinessRuleViolationException.class)
                    .hasMessage("Only active services can be marked as popular");
        }
        s.markPopular(false, NOW);
        assertThat(s.popular()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ServiceStatus.class)
    void onlyArchivedServicesKeepTheirPrice(ServiceStatus status) {
        WashService s = service(status, false);
        if (status == ServiceStatus.ARCHIVED) {
            assertThatThrownBy(() -> s.changePrice(new BigDecimal("30"), NOW)).isInstanceOf(BusinessRuleViolationException.class)
                    .hasMessage("Cannot change the price of an archived service");
            assertThat(s.price()).isEqualByComparingTo("25");
        } else {
            s.changePrice(new BigDecimal("30"), NOW);
            assertThat(s.price().toPlainString()).isEqualTo("30.00");
        }
    }
}
