package com.blingauto.catalog;

import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.InvalidRequestException;
import com.blingauto.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Spec 03 E1–E10. Reads answer with the cached JSON bytes of {@link CatalogService}. */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "services")
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @AllowedRoles(Role.ADMIN)
    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a category (admin)")
    CatalogApi.CreateCategoryResponse createCategory(@Valid @RequestBody CatalogApi.CreateCategoryRequest request) {
        return catalog.createCategory(request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER, Role.CLIENT, Role.WASHER})
    @GetMapping("/categories")
    @Operation(summary = "List categories", responses = @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = CatalogApi.CategoryList.class))))
    ResponseEntity<byte[]> categories(@RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive) {
        return json(catalog.categoriesJson(includeInactive));
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PostMapping("/categories/{category_id}/services")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a service in a category (admin, manager)")
    CatalogApi.CreateServiceResponse createService(@PathVariable("category_id") String categoryId,
                                                   @Valid @RequestBody CatalogApi.CreateServiceRequest request) {
        return catalog.createService(categoryId, request);
    }

    @GetMapping
    @Operation(summary = "List services with filters", responses = @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = CatalogApi.ServiceList.class))))
    ResponseEntity<byte[]> services(
            @RequestParam(name = "category_id", required = false) UUID categoryId,
            @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
            @RequestParam(name = "is_popular", defaultValue = "false") boolean popular,
            @RequestParam(name = "search", required = false) String search,
            @RequestParam(name = "min_price", required = false) @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal minPrice,
            @RequestParam(name = "max_price", required = false) @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal maxPrice,
            @RequestParam(name = "min_duration", required = false) @Min(0) Integer minDuration,
            @RequestParam(name = "max_duration", required = false) @Min(0) Integer maxDuration,
            @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit) {
        String text = trimmed("search", search, 1, 100);
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw new DomainValidationException("min_price cannot exceed max_price", "min_price");
        }
        if (minDuration != null && maxDuration != null && minDuration > maxDuration) {
            throw new DomainValidationException("min_duration cannot exceed max_duration", "min_duration");
        }
        return json(catalog.servicesJson(new CatalogApi.ServiceQuery(categoryId, includeInactive, popular, text,
                minPrice, maxPrice, minDuration, maxDuration, page, limit)));
    }

    @GetMapping("/popular")
    @Operation(summary = "Popular active services", responses = @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = CatalogApi.PopularServices.class))))
    ResponseEntity<byte[]> popular(@RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(50) int limit) {
        return json(catalog.popularJson(limit));
    }

    @GetMapping("/search")
    @Operation(summary = "Search active services by name or description", responses = @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = CatalogApi.ServiceSearchResult.class))))
    ResponseEntity<byte[]> search(@RequestParam(name = "q") String q,
                                  @RequestParam(name = "category_id", required = false) UUID categoryId,
                                  @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(50) int limit) {
        return json(catalog.searchJson(trimmed("q", q, 2, 100), categoryId, limit));
    }

    @GetMapping("/{service_id}")
    @Operation(summary = "One service", responses = @ApiResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = CatalogApi.ServiceResponse.class))))
    ResponseEntity<byte[]> service(@PathVariable("service_id") String serviceId) {
        return json(catalog.serviceJson(serviceId));
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PatchMapping("/{service_id}/price")
    @Operation(summary = "Change a service's price (admin, manager)")
    CatalogApi.PriceChange changePrice(@PathVariable("service_id") String serviceId,
                                       @Valid @RequestBody CatalogApi.UpdatePriceRequest request) {
        return catalog.changePrice(serviceId, request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PatchMapping("/{service_id}/popular")
    @Operation(summary = "Mark or unmark a service as popular (admin, manager)")
    CatalogApi.PopularChange setPopular(@PathVariable("service_id") String serviceId,
                                        @Valid @RequestBody CatalogApi.SetPopularRequest request) {
        return catalog.setPopular(serviceId, request.isPopular());
    }

    @AllowedRoles(Role.ADMIN)
    @DeleteMapping("/{service_id}")
    @Operation(summary = "Deactivate a service with a reason (admin)")
    CatalogApi.MessageResponse deactivate(@PathVariable("service_id") String serviceId,
                                          @RequestParam(name = "reason") String reason, CurrentUser caller) {
        return catalog.deactivate(serviceId, trimmed("reason", reason, 10, 500), caller);
    }

    /** A trimmed query string within its length limits in characters (CNV-11), or null when not given. */
    static String trimmed(String name, String raw, int min, int max) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw new InvalidRequestException("query -> " + name,
                    "String should have at least " + min + " character" + (min == 1 ? "" : "s"), "string_too_short");
        }
        if (length > max) {
            throw new InvalidRequestException("query -> " + name, "String should have at most " + max + " characters",
                    "string_too_long");
        }
        return value;
    }
}
