package com.blingauto.scheduling;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code BUSINESS_TIMEZONE} (CNV-19): opening hours, closures and slot grids are read in this zone. */
@ConfigurationProperties(prefix = "blingauto.scheduling")
record SchedulingSettings(@DefaultValue("UTC") ZoneId businessTimezone) {
}
