package com.blingauto.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Builds the {@link BusinessCalendar} of a date range from the stored hours (or the defaults) and closures. */
@Component
class Calendars {

    private final CalendarStore store;
    private final ZoneId zone;

    Calendars(CalendarStore store, SchedulingSettings settings) {
        this.store = store;
        this.zone = settings.businessTimezone();
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The calendar with the closures of {@code from..to} (business dates, inclusive). */
    BusinessCalendar between(LocalDate from, LocalDate to) {
        return new BusinessCalendar(zone, store.week().orElseGet(BusinessCalendar::defaultWeek), store.closedDates(from, to));
    }

    BusinessCalendar around(Instant from, Instant to) {
        return between(dateOf(from).minusDays(1), dateOf(to).plusDays(1));
    }
}
