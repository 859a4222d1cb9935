package cn.referral.gateway.edge;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Index of the services' OpenAPI documents, each served through the gateway at {@code /api-docs/<service>}. */
@RestController
class ApiDocsController {

    private static final List<String> SERVICES = List.of("registry", "referral", "quota", "billing");

    @GetMapping("/api-docs")
    Map<String, Object> index() {
        return Map.of("openapi", SERVICES.stream()
                .map(service -> Map.of("service", service, "url", "/api-docs/" + service))
                .toList());
    }
}
