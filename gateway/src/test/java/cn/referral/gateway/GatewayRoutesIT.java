package cn.referral.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

// outside the local profile the issuer and its keys must be named, or the gateway does not start (issue 15)
@SpringBootTest(properties = {"logging.structured.format.console=",
        "platform.security.issuer=https://issuer.test/referral-platform",
        "platform.security.jwks-uri=http://127.0.0.1:9/jwks"})
class GatewayRoutesIT {

    @Autowired
    RouteLocator routes;

    @Test
    void routesEachServiceByItsPrefix() {
        List<Route> all = routes.getRoutes().collectList().block();
        assertThat(all).extracting(Route::getId).contains("registry", "referral", "quota", "billing", "console");
        assertThat(all).filteredOn(route -> route.getId().equals("registry")).first()
                .satisfies(route -> assertThat(route.getUri().getPort()).isEqualTo(8081));
        assertThat(all).filteredOn(route -> route.getId().equals("billing")).first()
                .satisfies(route -> assertThat(route.getUri().getPort()).isEqualTo(8084));
        assertThat(all).filteredOn(route -> route.getId().equals("console")).first()
                .satisfies(route -> assertThat(route.getUri().getPort()).isEqualTo(8085));
    }

    @Test
    void kpisHaveTheirOwnRouteAndBreakerToTheReferralService() {
        List<Route> all = routes.getRoutes().collectList().block();
        assertThat(all).filteredOn(route -> route.getId().equals("kpis")).singleElement().satisfies(route -> {
            assertThat(route.getUri().getPort()).isEqualTo(8082);
            assertThat(route.getFilters()).extracting(Object::toString)
                    .anySatisfy(filter -> assertThat(filter).contains("kpis"));
        });
        assertThat(all).filteredOn(route -> route.getId().equals("referral")).singleElement()
                .satisfies(route -> assertThat(route.getPredicate().toString()).doesNotContain("/api/kpis"));
    }
}
