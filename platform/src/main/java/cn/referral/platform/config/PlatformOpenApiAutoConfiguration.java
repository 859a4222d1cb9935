package cn.referral.platform.config;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import cn.referral.platform.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says alike: its name, that calls need a bearer JWT, and
 * nothing of the {@link Caller} parameter (it comes from the token, not from the request).
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class PlatformOpenApiAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final String BEARER = "bearer-jwt";

    @Bean
    OpenApiCustomizer platformOpenApi(@Value("${spring.application.name}") String service) {
        return openApi -> {
            openApi.getInfo().title(service).version("v1")
                    .description(service + " of the two-way referral platform (双向转诊). Every call needs a bearer "
                            + "JWT (RS256) with the claims sub, roles, inst and region; errors are RFC 9457 "
                            + "application/problem+json.");
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }
}
