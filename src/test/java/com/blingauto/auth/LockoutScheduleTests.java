package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lock each failure sets (AUTH-4 step 3 table). */
class LockoutScheduleTests {

    @ParameterizedTest(name = "{0} failures lock for {1} min")
    @CsvSource({"1,0", "4,0", "5,30", "9,30", "10,60", "14,60", "15,90", "19,90", "20,120", "35,120"})
    void lockGrowsWithEveryFiveFailuresUpToTwoHours(int failures, int minutes) {
        assertThat(User.lockFor(failures, 5, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(minutes));
    }
}
