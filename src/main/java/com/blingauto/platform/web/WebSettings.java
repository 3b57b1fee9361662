package com.blingauto.platform.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code CORS_ORIGINS} (comma-separated or a JSON array) and the JSON body limit (CNV-12). */
@ConfigurationProperties("blingauto.web")
record WebSettings(String corsOrigins, long maxBodyBytes) {

    List<String> corsOriginList() {
        String raw = corsOrigins == null ? "" : corsOrigins.strip();
        if (raw.startsWith("[") && raw.endsWith("]")) {
            raw = raw.substring(1, raw.length() - 1);
        }
        return Arrays.stream(raw.split(","))
                .map(s -> s.strip().replaceAll("^\"|\"$", ""))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
