package com.blingauto.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The catalogue's read queries, in plain SQL (spec 03 E2, E4–E6; spec 04 PRC-7). */
@Component
class CatalogQueries {

    private static final String SUMMARY_COLUMNS = """
            s.id, s.category_id, c.name AS category_name, c.status AS category_status, s.name, s.description, s.price,
            s.duration_minutes, s.status, s.is_popular, s.display_order""";

    private final JdbcClient jdbc;

    CatalogQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** E2: order display_order, name ignoring case, id; service_count counts ACTIVE services. */
    List<CatalogApi.CategoryResponse> categories(boolean includeInactive) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.description, c.status, c.display_order,
                               (SELECT count(*) FROM services s WHERE s.category_id = c.id AND s.status = 'ACTIVE') AS service_count
                          FROM categories c
                         WHERE :all OR c.status = 'ACTIVE'
                         ORDER BY c.display_order, lower(c.name), c.id""")
                .param("all", includeInactive)
                .query((rs, n) -> new CatalogApi.CategoryResponse(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("description"), CategoryStatus.valueOf(rs.getString("status")),
                        rs.getInt("display_order"), rs.getLong("service_count")))
                .list();
    }

    /** E4 (SVC-9): filters combine with AND; the true total and one page. */
    CatalogApi.ServiceList services(CatalogApi.ServiceQuery q) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.categoryId() != null) {
            where.append(" AND s.category_id = :categoryId");
            params.put("categoryId", q.categoryId());
        }
        if (!q.includeInactive()) {
            where.append(" AND s.status = 'ACTIVE'");
        }
        if (q.popularOnly()) {
            where.append(" AND s.is_popular");
        }
        if (q.search() != null) {
            where.append(" AND (strpos(lower(s.name), lower(:search)) > 0 OR strpos(lower(s.description), lower(:search)) > 0)");
            params.put("search", q.search());
        }
        if (q.minPrice() != null) {
            where.append(" AND s.price >= :minPrice");
            params.put("minPrice", q.minPrice());
        }
        if (q.maxPrice() != null) {
            where.append(" AND s.price <= :maxPrice");
            params.put("maxPrice", q.maxPrice());
        }
        if (q.minDuration() != null) {
            where.append(" AND s.duration_minutes >= :minDuration");
            params.put("minDuration", q.minDuration());
        }
        if (q.maxDuration() != null) {
            where.append(" AND s.duration_minutes <= :maxDuration");
            params.put("maxDuration", q.maxDuration());
        }
        long total = jdbc.sql("SELECT count(*) FROM services s" + where).params(params).query(Long.class).single();
        List<CatalogApi.ServiceSummary> page = List.of();
        long offset = (long) (q.page() - 1) * q.limit();
        if (offset < total) {
            params.put("limit", q.limit());
            params.put("offset", offset);
            page = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM services s JOIN categories c ON c.id = s.category_id" + where
                            + " ORDER BY s.display_order, lower(s.name), s.id LIMIT :limit OFFSET :offset")
                    .params(params).query((rs, n) -> summary(rs)).list();
        }
        var filters = new CatalogApi.ListFilters(q.categoryId() != null, q.popularOnly(),
                q.minPrice() != null || q.maxPrice() != null, q.minDuration() != null || q.maxDuration() != null,
                q.search() != null, q.includeInactive());
        return new CatalogApi.ServiceList(page, total, q.page(), q.limit(), (long) q.page() * q.limit() < total, filters);
    }

    /** E5: ACTIVE and popular, order display_order, name, id; the total of all of them. */
    CatalogApi.PopularServices popular(int limit) {
        long total = jdbc.sql("SELECT count(*) FROM services WHERE status = 'ACTIVE' AND is_popular").query(Long.class).single();
        List<CatalogApi.ServiceSummary> list = jdbc.sql("SELECT " + SUMMARY_COLUMNS
                        + " FROM services s JOIN categories c ON c.id = s.category_id WHERE s.status = 'ACTIVE' AND s.is_popular"
                        + " ORDER BY s.display_order, lower(s.name), s.id LIMIT :limit")
                .param("limit", limit).query((rs, n) -> summary(rs)).list();
        return new CatalogApi.PopularServices(list, total);
    }

    /** E6: ACTIVE services whose name or description contains the query, order name, id. */
    CatalogApi.ServiceSearchResult search(String q, UUID categoryId, int limit) {
        String where = " WHERE s.status = 'ACTIVE' AND (strpos(lower(s.name), lower(:q)) > 0 OR strpos(lower(s.description), lower(:q)) > 0)"
                + (categoryId == null ? "" : " AND s.category_id = :categoryId");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q);
        if (categoryId != null) {
            params.put("categoryId", categoryId);
        }
        long total = jdbc.sql("SELECT count(*) FROM services s" + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        List<CatalogApi.ServiceSummary> list = jdbc.sql("SELECT " + SUMMARY_COLUMNS
                        + " FROM services s JOIN categories c ON c.id = s.category_id" + where
                        + " ORDER BY lower(s.name), s.id LIMIT :limit")
                .params(params).query((rs, n) -> summary(rs)).list();
        return new CatalogApi.ServiceSearchResult(list, total, 1, limit, total > limit,
                new CatalogApi.SearchFilters(q, categoryId));
    }

    /** Services with their category, in no particular order (missing ids are absent). */
    List<CatalogEntry> entries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM services s JOIN categories c ON c.id = s.category_id WHERE s.id IN (:ids)")
                .param("ids", new ArrayList<>(ids)).query((rs, n) -> entry(rs)).list();
    }

    /** PRC-7: ACTIVE services of ACTIVE categories, by category display_order and name, then service display_order, name, id. */
    List<CatalogEntry> sellable() {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                         FROM services s JOIN categories c ON c.id = s.category_id
                        WHERE s.status = 'ACTIVE' AND c.status = 'ACTIVE'
                        ORDER BY c.display_order, lower(c.name), c.id, s.display_order, lower(s.name), s.id""")
                .query((rs, n) -> entry(rs)).list();
    }

    private static CatalogApi.ServiceSummary summary(ResultSet rs) throws SQLException {
        BigDecimal price = rs.getBigDecimal("price");
        int duration = rs.getInt("duration_minutes");
        return new CatalogApi.ServiceSummary(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getString("name"), rs.getString("description"), Display.money(price),
                duration, ServiceStatus.valueOf(rs.getString("status")), rs.getBoolean("is_popular"),
                Display.price(price), Display.duration(duration));
    }

    private static CatalogEntry entry(ResultSet rs) throws SQLException {
        return new CatalogEntry(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getBigDecimal("price"), rs.getInt("duration_minutes"),
                ServiceStatus.valueOf(rs.getString("status")), CategoryStatus.valueOf(rs.getString("category_status")));
    }
}
