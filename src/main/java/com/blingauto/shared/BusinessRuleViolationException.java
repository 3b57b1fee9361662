package com.blingauto.shared;

import java.util.Map;

/** A valid request the current state forbids (422, CNV-33): {@code rule("BOK", 9)} reports {@code RG-BOK-009}. */
public class BusinessRuleViolationException extends ApiException {

    public BusinessRuleViolationException(String prefix, int rule, String message) {
        super(ErrorCode.BUSINESS_RULE_VIOLATION, message, Map.of("rule", ruleId(prefix, rule)));
    }

    public static String ruleId(String prefix, int rule) {
        return "RG-%s-%03d".formatted(prefix, rule);
    }
}
