package cn.referral.console.screens;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.referral.console.gateway.GatewayProblem;

/**
 * Turns a problem+json answer into what the screen shows: a message beside each field it names
 * (common validation messages translated, others as the service wrote them) and one readable line
 * for the whole problem, chosen by its status (412: someone else changed the referral first).
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public void show(GatewayProblem problem, Model model, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> fields.put(field, field(message, locale)));
        model.addAttribute("errors", fields);
        model.addAttribute("problem", summary(problem, locale));
        model.addAttribute("problemDetail", problem.detail());
        model.addAttribute("problemStatus", problem.status());
    }

    /** The one readable line for the whole problem, by its status. */
    public String summary(GatewayProblem problem, Locale locale) {
        String summary = messages.getMessage("problem." + problem.status(), null, null, locale);
        return summary != null ? summary
                : messages.getMessage("problem.other", new Object[] {problem.status()}, locale);
    }

    public String field(String message, Locale locale) {
        if (message == null) {
            return "";
        }
        String key = "api.message." + message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return messages.getMessage(key, null, message, locale);
    }
}
