package com.blingauto.platform.web;

import com.blingauto.platform.config.AppSettings;
import com.blingauto.shared.CurrentUser;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /openapi.json} and the Swagger UI at {@code /docs} (hidden in production, CNV-1). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The signed-in user is resolved from the bearer token, not sent by clients: keep it out of the spec.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI blingAutoOpenApi(ObjectProvider<BuildProperties> build, AppSettings app) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : app.version();
        return new OpenAPI()
                .info(new Info().title("BlingAuto API").version(version)
                        .description("Car wash back office: bookings, capacity, catalogue, staff, sales and analytics."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * springdoc reads schemas with swagger-core's Jackson 2 mapper, which does not see our Jackson 3 naming
     * strategy: give it a snake_case mapper so documented properties match the wire.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
