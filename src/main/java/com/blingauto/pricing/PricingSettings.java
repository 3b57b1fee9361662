package com.blingauto.pricing;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code TAX_RATE}: a decimal in [0, 1] with at most 4 fraction digits (PRC-4); anything else stops the start-up. */
@ConfigurationProperties("blingauto.pricing")
record PricingSettings(BigDecimal taxRate) {

    PricingSettings {
        if (taxRate == null) {
            taxRate = BigDecimal.ZERO;
        }
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0 || taxRate.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("TAX_RATE must be a decimal between 0 and 1 with at most 4 fraction digits, got " + taxRate);
        }
        taxRate = taxRate.setScale(4);
    }
}
