package com.blingauto.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** SVC-8 display strings and the 2-decimal money spelling (CNV-21). */
final class Display {

    private Display() {
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String price(BigDecimal amount) {
        return "$" + money(amount);
    }

    static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + "m";
        }
        return rest == 0 ? hours + "h" : hours + "h " + rest + "m";
    }
}
