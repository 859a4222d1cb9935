package cn.referral.console.screens;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.referral.console.gateway.GatewayProblem;

/**
 * Turns a problem+json answer into what the screen shows: a message beside each field it names and one
 * readable line for the whole problem. A broken rule is said by its {@code code} ({@code api.code.<code>}, e.g.
 * {@code api.code.outside-catalog}) in the page's language; other field messages are common validation messages
 * translated, or else as the service wrote them. The line for the whole problem is the rule's when the problem
 * names no field (nothing is marked to look at), otherwise chosen by its status (412: someone else changed the
 * referral first).
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public void show(GatewayProblem problem, Model model, Locale locale) {
        String rule = rule(problem, locale);
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) ->
                fields.put(field, rule != null ? rule : field(message, locale)));
        model.addAttribute("errors", fields);
        model.addAttribute("problem", summary(problem, locale));
        model.addAttribute("problemDetail", problem.detail());
        model.addAttribute("problemStatus", problem.status());
    }

    /** The one readable line for the whole problem: its rule's when it names no field, else by its status. */
    public String summary(GatewayProblem problem, Locale locale) {
        String rule = problem.fieldErrors().isEmpty() ? rule(problem, locale) : null;
        if (rule != null) {
            return rule;
        }
        String summary = messages.getMessage("problem." + problem.status(), null, null, locale);
        return summary != null ? summary
                : messages.getMessage("problem.other", new Object[] {problem.status()}, locale);
    }

    /** What the console says of the rule the problem names by its {@code code}; null when it has no line for it. */
    private String rule(GatewayProblem problem, Locale locale) {
        return problem.code() == null ? null : messages.getMessage("api.code." + problem.code(), null, null, locale);
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
