package com.blingauto.scheduling;

/** Distances on the Earth (FAC-6, SCH-10). */
final class Geo {

    static final double EARTH_RADIUS_KM = 6371.0;
    static final double TRAVEL_SPEED_KMH = 30.0;

    private Geo() {
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** SCH-10: whole minutes at 30 km/h, rounded down. */
    static int travelMinutes(double km) {
        return (int) Math.floor(km / TRAVEL_SPEED_KMH * 60.0);
    }
}
