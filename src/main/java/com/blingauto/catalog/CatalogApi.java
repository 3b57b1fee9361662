package com.blingauto.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Requests and representations of spec 03 §2–3. Money is written as a 2-decimal string (CNV-21). */
public final class CatalogApi {

    static final String PRICE_DECIMALS = "Price cannot have more than 2 decimal places";

    private CatalogApi() {
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public record CreateCategoryRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @Min(0) Integer displayOrder) {

        public CreateCategoryRequest {
            name = strip(name);
        }
    }

    public record CreateServiceRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000")
            @Digits(integer = 12, fraction = 2, message = PRICE_DECIMALS) BigDecimal price,
            @NotNull @Positive @Max(480) @FifteenMinuteSteps Integer durationMinutes,
            @JsonProperty("is_popular") Boolean isPopular,
            @Min(0) Integer displayOrder) {

        public CreateServiceRequest {
            name = strip(name);
        }
    }

    public record UpdatePriceRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000")
            @Digits(integer = 12, fraction = 2, message = PRICE_DECIMALS) BigDecimal newPrice,
            Boolean notifyCustomers) {
    }

    public record SetPopularRequest(@NotNull @JsonProperty("is_popular") Boolean isPopular) {
    }

    public record CategoryResponse(UUID id, String name, String description, CategoryStatus status, int displayOrder,
                                   long serviceCount) {
    }

    public record CreateCategoryResponse(UUID categoryId, String name, String description, CategoryStatus status,
                                         int displayOrder) {
    }

    public record CategoryList(List<CategoryResponse> categories, long totalCount) {
    }

    /** The {@code Service} representation (E7). */
    public record ServiceResponse(UUID id, UUID categoryId, String name, String description, String price,
                                  int durationMinutes, ServiceStatus status,
                                  @JsonProperty("is_popular") boolean isPopular, int displayOrder,
                                  String priceDisplay, String durationDisplay) {

        static ServiceResponse of(WashService s) {
            return new ServiceResponse(s.id(), s.categoryId(), s.name(), s.description(), Display.money(s.price()),
                    s.durationMinutes(), s.status(), s.popular(), s.displayOrder(), Display.price(s.price()),
                    Display.duration(s.durationMinutes()));
        }
    }

    /** E3: the {@code Service} fields with {@code service_id} instead of {@code id}. */
    public record CreateServiceResponse(UUID serviceId, UUID categoryId, String name, String description, String price,
                                        int durationMinutes, ServiceStatus status,
                                        @JsonProperty("is_popular") boolean isPopular, int displayOrder,
                                        String priceDisplay, String durationDisplay) {

        static CreateServiceResponse of(WashService s) {
            return new CreateServiceResponse(s.id(), s.categoryId(), s.name(), s.description(), Display.money(s.price()),
                    s.durationMinutes(), s.status(), s.popular(), s.displayOrder(), Display.price(s.price()),
                    Display.duration(s.durationMinutes()));
        }
    }

    /** List items of E4, E5, E6. */
    public record ServiceSummary(UUID id, UUID categoryId, String categoryName, String name, String description,
                                 String price, int durationMinutes, ServiceStatus status,
                                 @JsonProperty("is_popular") boolean isPopular, String priceDisplay,
                                 String durationDisplay) {
    }

    public record ListFilters(boolean category, boolean popular, boolean priceRange, boolean durationRange,
                              boolean search, boolean includeInactive) {
    }

    public record ServiceList(List<ServiceSummary> services, long totalCount, int page, int limit, boolean hasNext,
                              ListFilters filtersApplied) {
    }

    public record PopularServices(List<ServiceSummary> services, long totalCount) {
    }

    public record SearchFilters(String searchQuery, UUID categoryId) {
    }

    public record ServiceSearchResult(List<ServiceSummary> services, long totalCount, int page, int limit,
                                      boolean hasNext, SearchFilters filtersApplied) {
    }

    public record PriceChange(UUID serviceId, String oldPrice, String newPrice, String priceChangePercent,
                              int affectedFutureBookings, int customersNotified, String priceDisplay) {
    }

    public record PopularChange(UUID serviceId, String name, @JsonProperty("is_popular") boolean isPopular,
                                int categoryPopularCount, String message) {
    }

    public record MessageResponse(String message) {
    }

    /** The query of E4 (spec 03 §2.3), already shape-checked. */
    public record ServiceQuery(UUID categoryId, boolean includeInactive, boolean popularOnly, String search,
                               BigDecimal minPrice, BigDecimal maxPrice, Integer minDuration, Integer maxDuration,
                               int page, int limit) {

        /** The cache key of this query: every parameter in a canonical spelling. */
        String key() {
            return "services|" + categoryId + '|' + includeInactive + '|' + popularOnly + '|' + search + '|'
                    + plain(minPrice) + '|' + plain(maxPrice) + '|' + minDuration + '|' + maxDuration + '|' + page + '|' + limit;
        }

        private static String plain(BigDecimal value) {
            return value == null ? "null" : value.stripTrailingZeros().toPlainString();
        }
    }
}
