package cn.referral.console.screens;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Mono;

/** The first screen after sign-in depends on the role: each person lands where their daily work is. */
@Controller
class HomeController {

    private final SignedIn signedIn;

    HomeController(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange) {
        return Screen.credentials(signedIn, exchange).map(credentials -> switch (credentials.user().primaryRole()) {
            case "PRIMARY_DOCTOR" -> "redirect:/referrals";
            case "REFERRAL_DESK", "HOSPITAL_DOCTOR" -> "redirect:/worklist";
            case "INSURER" -> "redirect:/decisions";
            case "REGISTRY_ADMIN" -> "redirect:/kpis";
            case "AUDITOR" -> "redirect:/audit";
            default -> "redirect:/sign-in";
        });
    }
}
