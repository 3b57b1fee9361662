package com.blingauto.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.facilities.MobileTeamResource;
import com.blingauto.facilities.ResourceStatus;
import com.blingauto.facilities.WashBayResource;
import com.blingauto.scheduling.BusinessCalendar.Break;
import com.blingauto.scheduling.BusinessCalendar.DayHours;
import com.blingauto.shared.VehicleSize;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure scheduling rules, without Spring: SCH-1, SCH-5..11, SCH-14, SCH-16, FAC-5, FAC-6, BOK-6, BOK-7. */
class SchedulingRulesTests {

    static final ZoneId UTC = ZoneOffset.UTC;
    /** A Wednesday. */
    static final LocalDate DAY = LocalDate.of(2030, 1, 9);
    static final Instant NOW = DAY.minusDays(10).atStartOfDay(UTC).toInstant();

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(UTC).toInstant();
    }

    static BusinessCalendar defaults() {
        return new BusinessCalendar(UTC, BusinessCalendar.defaultWeek(), Set.of());
    }

    static BusinessCalendar withLunchBreak() {
        Map<DayOfWeek, DayHours> week = BusinessCalendar.defaultWeek();
        week.put(DayOfWeek.WEDNESDAY, DayHours.open(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0),
                List.of(new Break(LocalTime.of(12, 0), LocalTime.of(13, 0)))));
        return new BusinessCalendar(UTC, week, Set.of());
    }

    static Reservation reservation(UUID resource, Instant start, int minutes) {
        Instant end = start.plusSeconds(minutes * 60L);
        return new Reservation(UUID.randomUUID(), resource, ResourceType.WASH_BAY, "booking", UUID.randomUUID(), UUID.randomUUID(),
                start, end, end.plus(SlotPlanner.BUFFER));
    }

    // ---- SCH-1, SCH-16 -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "8,0,9,0,true,false", "17,0,18,0,true,false", "7,30,8,30,false,false", "17,30,18,30,false,false",
            "8,0,18,0,true,false", "9,0,12,0,true,true", "11,30,12,30,true,false", "12,30,13,30,true,false",
            "13,0,17,0,true,true", "12,0,13,0,true,false", "16,0,17,1,true,false"})
    void openingHoursTest(int h1, int m1, int h2, int m2, boolean withDefaults, boolean withLunchBreak) {
        assertThat(defaults().within(at(DAY, h1, m1), at(DAY, h2, m2))).isEqualTo(withDefaults);
        assertThat(withLunchBreak().within(at(DAY, h1, m1), at(DAY, h2, m2))).isEqualTo(withLunchBreak);
    }

    @Test
    void sundaysClosuresAndMidnightAreClosed() {
        LocalDate sunday = LocalDate.of(2030, 1, 13);
        assertThat(defaults().within(at(sunday, 10, 0), at(sunday, 11, 0))).isFalse();
        BusinessCalendar closed = new BusinessCalendar(UTC, BusinessCalendar.defaultWeek(), Set.of(DAY));
        assertThat(closed.within(at(DAY, 10, 0), at(DAY, 11, 0))).isFalse();
        assertThat(closed.within(at(DAY.plusDays(1), 10, 0), at(DAY.plusDays(1), 11, 0))).isTrue();
        assertThat(defaults().within(at(DAY, 17, 0), at(DAY.plusDays(1), 9, 0))).isFalse();
        assertThat(defaults().openMinutes(DAY)).isEqualTo(600);
        assertThat(withLunchBreak().openMinutes(DAY)).isEqualTo(420);
        assertThat(defaults().openMinutes(sunday)).isZero();
    }

    @Test
    void hoursAreReadInTheBusinessTimeZone() {
        BusinessCalendar paris = new BusinessCalendar(ZoneId.of("Europe/Paris"), BusinessCalendar.defaultWeek(), Set.of());
        // 08:00 in Paris in January is 07:00Z
        assertThat(paris.within(at(DAY, 7, 0), at(DAY, 8, 0))).isTrue();
        assertThat(paris.within(at(DAY, 16, 30), at(DAY, 17, 30))).isFalse();
        assertThat(paris.gridStarts(DAY, 60).getFirst()).isEqualTo(at(DAY, 7, 0));
    }

    // ---- SCH-5 grid ----------------------------------------------------------------------------------------

    @Test
    void gridStartsAreHalfHoursWhoseIntervalFitsTheHours() {
        List<Instant> starts = withLunchBreak().gridStarts(DAY, 60);
        assertThat(starts).containsExactly(at(DAY, 9, 0), at(DAY, 9, 30), at(DAY, 10, 0), at(DAY, 10, 30), at(DAY, 11, 0),
                at(DAY, 13, 0), at(DAY, 13, 30), at(DAY, 14, 0), at(DAY, 14, 30), at(DAY, 15, 0), at(DAY, 15, 30), at(DAY, 16, 0));
        Map<DayOfWeek, DayHours> week = BusinessCalendar.defaultWeek();
        week.put(DayOfWeek.WEDNESDAY, DayHours.open(DayOfWeek.WEDNESDAY, LocalTime.of(8, 10), LocalTime.of(10, 0), List.of()));
        assertThat(new BusinessCalendar(UTC, week, Set.of()).gridStarts(DAY, 30)).containsExactly(at(DAY, 8, 30), at(DAY, 9, 0), at(DAY, 9, 30));
    }

    // ---- SCH-6, SCH-8, SCH-9 -------------------------------------------------------------------------------

    @Test
    void occupiedRangeIncludesTheFifteenMinuteBuffer() {
        UUID bay = UUID.randomUUID();
        Candidate c = new Candidate(bay, ResourceType.WASH_BAY, "b", 0, null);
        SlotPlanner planner = new SlotPlanner(defaults(), List.of(reservation(bay, at(DAY, 10, 0), 60)), NOW);
        assertThat(planner.free(c, at(DAY, 11, 0), 30)).isFalse();
        assertThat(planner.free(c, at(DAY, 11, 14), 30)).isFalse();
        assertThat(planner.free(c, at(DAY, 11, 15), 30)).isTrue();
        assertThat(planner.free(c, at(DAY, 9, 15), 30)).isTrue();
        assertThat(planner.free(c, at(DAY, 9, 16), 30)).isFalse();
        assertThat(planner.free(new Candidate(UUID.randomUUID(), ResourceType.WASH_BAY, "other", 0, null), at(DAY, 10, 0), 30)).isTrue();
    }

    @Test
    void dailyCapacityCountsReservationsStartingOnTheBusinessDate() {
        UUID team = UUID.randomUUID();
        Candidate c = new Candidate(team, ResourceType.MOBILE_TEAM, "t", 2, 1.0);
        SlotPlanner one = new SlotPlanner(defaults(), List.of(reservation(team, at(DAY, 8, 0), 60)), NOW);
        assertThat(one.withinCapacity(c, at(DAY, 15, 0))).isTrue();
        assertThat(one.utilization(c, DAY)).isEqualByComparingTo("50.00");
        SlotPlanner two = new SlotPlanner(defaults(), List.of(reservation(team, at(DAY, 8, 0), 60), reservation(team, at(DAY, 10, 0), 60)), NOW);
        assertThat(two.withinCapacity(c, at(DAY, 15, 0))).isFalse();
        assertThat(two.available(c, at(DAY, 15, 0), 60)).isFalse();
        assertThat(two.withinCapacity(c, at(DAY.plusDays(1), 8, 0))).isTrue();
        assertThat(two.utilization(c, DAY)).isEqualByComparingTo("100.00");
    }

    @Test
    void washBayUtilizationIsServiceMinutesOverOpenMinutes() {
        UUID bay = UUID.randomUUID();
        Candidate c = new Candidate(bay, ResourceType.WASH_BAY, "b", 0, null);
        SlotPlanner planner = new SlotPlanner(defaults(), List.of(reservation(bay, at(DAY, 8, 0), 60), reservation(bay, at(DAY, 12, 0), 40)), NOW);
        assertThat(planner.utilization(c, DAY)).isEqualByComparingTo("16.67");
        assertThat(planner.utilization(c, LocalDate.of(2030, 1, 13))).isEqualByComparingTo("0.00");
    }

    // ---- SCH-4 window ------------------------------------------------------------------------------------

    @Test
    void windowIsTwoHoursToNinetyDays() {
        SlotPlanner planner = new SlotPlanner(defaults(), List.of(), NOW);
        assertThat(planner.inWindow(NOW.plusSeconds(2 * 3600))).isTrue();
        assertThat(planner.inWindow(NOW.plusSeconds(2 * 3600 - 1))).isFalse();
        assertThat(planner.inWindow(NOW.plusSeconds(90L * 86400))).isTrue();
        assertThat(planner.inWindow(NOW.plusSeconds(90L * 86400 + 1))).isFalse();
    }

    // ---- SCH-11 alternatives -----------------------------------------------------------------------------

    @Test
    void alternativesAreNearestFreeGridStartsOnTheFirstThreeResources() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Candidate> resources = List.of(new Candidate(a, ResourceType.WASH_BAY, "a", 0, null),
                new Candidate(b, ResourceType.WASH_BAY, "b", 0, null),
                new Candidate(UUID.randomUUID(), ResourceType.WASH_BAY, "c", 0, null),
                new Candidate(UUID.randomUUID(), ResourceType.WASH_BAY, "d", 0, null));
        // a and b busy 10:00–12:00 (+15), c and d free: only a, b, c are searched
        List<Reservation> busy = List.of(reservation(a, at(DAY, 10, 0), 120), reservation(b, at(DAY, 10, 0), 120),
                reservation(resources.get(2).id(), at(DAY, 10, 0), 120));
        SlotPlanner planner = new SlotPlanner(defaults(), busy, NOW);
        List<Alternative> alternatives = planner.alternatives(at(DAY, 10, 10), 60, resources);
        assertThat(alternatives).hasSize(5);
        // 08:30 is 1:40 away (ends 09:30 + 15 < 10:00 ok), 09:00 ends 10:15 > 10:00: taken; 12:30 is 2:20 away
        assertThat(alternatives.getFirst().suggestedTime()).isEqualTo(at(DAY, 8, 30));
        assertThat(alternatives.getFirst().resourceId()).isEqualTo(a);
        assertThat(alternatives.getFirst().timeDifferenceHours()).isEqualByComparingTo("1.67");
        assertThat(alternatives.get(1).suggestedTime()).isEqualTo(at(DAY, 8, 30));
        assertThat(alternatives.get(1).resourceId()).isEqualTo(b);
        assertThat(alternatives.get(3).suggestedTime()).isEqualTo(at(DAY, 8, 0));
        assertThat(alternatives).noneMatch(alt -> alt.resourceId().equals(resources.get(3).id()));
        assertThat(alternatives).allMatch(alt -> alt.durationMinutes() == 60 && alt.resourceType() == ResourceType.WASH_BAY);
    }

    @Test
    void alternativesStayInsideTheWindow() {
        UUID a = UUID.randomUUID();
        Instant now = at(DAY, 9, 0);
        SlotPlanner planner = new SlotPlanner(defaults(), List.of(), now);
        List<Alternative> alternatives = planner.alternatives(at(DAY, 9, 30), 60,
                List.of(new Candidate(a, ResourceType.WASH_BAY, "a", 0, null)));
        assertThat(alternatives).extracting(Alternative::suggestedTime)
                .containsExactly(at(DAY, 11, 0), at(DAY, 11, 30), at(DAY, 12, 0), at(DAY, 12, 30), at(DAY, 13, 0));
    }

    @Test
    void slotSearchYieldsEveryFreeGridStartPerResource() {
        UUID a = UUID.randomUUID();
        Candidate c = new Candidate(a, ResourceType.WASH_BAY, "a", 0, null);
        SlotPlanner planner = new SlotPlanner(defaults(), List.of(reservation(a, at(DAY, 10, 0), 60)), NOW);
        List<SlotPlanner.Slot> slots = planner.slots(at(DAY, 0, 0), at(DAY.plusDays(1), 0, 0), 60, List.of(c));
        // 08:00..17:00 is 19 starts; 09:00, 09:30, 10:00, 10:30, 11:00 meet [10:00, 11:15)
        assertThat(slots).hasSize(14);
        assertThat(slots).extracting(SlotPlanner.Slot::start).doesNotContain(at(DAY, 9, 0), at(DAY, 11, 0)).contains(at(DAY, 8, 30), at(DAY, 11, 30));
    }

    // ---- SCH-7, FAC-5, FAC-6, SCH-10 ---------------------------------------------------------------------

    @Test
    void washBayCandidatesAreSmallestSufficientFirstThenByNumber() {
        WashBayResource large = bay("B2", VehicleSize.LARGE, ResourceStatus.ACTIVE, "foam");
        WashBayResource standardB = bay("b1", VehicleSize.STANDARD, ResourceStatus.ACTIVE, "foam");
        WashBayResource standardA = bay("A9", VehicleSize.STANDARD, ResourceStatus.ACTIVE);
        WashBayResource compact = bay("C1", VehicleSize.COMPACT, ResourceStatus.ACTIVE, "foam");
        WashBayResource maintenance = bay("M1", VehicleSize.STANDARD, ResourceStatus.MAINTENANCE, "foam");
        List<WashBayResource> all = List.of(large, standardB, standardA, compact, maintenance);
        assertThat(Candidate.washBays(all, VehicleSize.STANDARD, List.of()))
                .extracting(Candidate::name).containsExactly("A9", "b1", "B2");
        assertThat(Candidate.washBays(all, VehicleSize.COMPACT, List.of("foam")))
                .extracting(Candidate::name).containsExactly("C1", "b1", "B2");
        assertThat(Candidate.washBays(all, VehicleSize.OVERSIZED, List.of())).isEmpty();
        assertThat(VehicleSize.LARGE.fitsIn(VehicleSize.LARGE)).isTrue();
        assertThat(VehicleSize.OVERSIZED.fitsIn(VehicleSize.LARGE)).isFalse();
        assertThat(VehicleSize.parse(" Oversized ")).contains(VehicleSize.OVERSIZED);
    }

    @Test
    void mobileCandidatesServeTheLocationNearestFirst() {
        MobileTeamResource near = team("Zulu", 40.7128, -74.0060, "10");
        MobileTeamResource far = team("Alpha", 40.80, -74.0060, "20");
        MobileTeamResource outOfRange = team("Bravo", 41.5, -74.0060, "20");
        List<Candidate> candidates = Candidate.mobileTeams(List.of(far, near, outOfRange), 40.7128, -74.0060, List.of());
        assertThat(candidates).extracting(Candidate::name).containsExactly("Zulu", "Alpha");
        assertThat(candidates.get(1).distanceKm()).isBetween(9.6, 9.8);
        assertThat(Candidate.mobileTeams(List.of(far, near, outOfRange), null, null, List.of()))
                .extracting(Candidate::name).containsExactly("Alpha", "Bravo", "Zulu");
    }

    @Test
    void haversineAndTravelTime() {
        // Paris – London ≈ 343.5 km
        assertThat(Geo.haversineKm(48.8566, 2.3522, 51.5074, -0.1278)).isBetween(343.0, 344.5);
        assertThat(Geo.haversineKm(10, 10, 10, 10)).isZero();
        assertThat(Geo.travelMinutes(15.0)).isEqualTo(30);
        assertThat(Geo.travelMinutes(14.99)).isEqualTo(29);
        assertThat(Geo.travelMinutes(0.4)).isZero();
    }

    static WashBayResource bay(String number, VehicleSize size, ResourceStatus status, String... equipment) {
        return new WashBayResource(UUID.randomUUID(), number, size, List.of(equipment), status);
    }

    static MobileTeamResource team(String name, double lat, double lon, String radius) {
        return new MobileTeamResource(UUID.randomUUID(), name, lat, lon, new BigDecimal(radius), 4, List.of(), ResourceStatus.ACTIVE);
    }
}
