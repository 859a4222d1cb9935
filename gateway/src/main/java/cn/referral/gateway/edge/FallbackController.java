package cn.referral.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;
import reactor.core.publisher.Mono;

/** Where an open circuit or a timeout lands: a clear 503 instead of a hanging request. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service) {
        return Mono.error(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "Service unavailable", "The " + service + " service did not answer in time; try again shortly")
                .with("service", service));
    }
}
