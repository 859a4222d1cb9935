package cn.referral.platform.web;

/** One field at fault in a request: its JSON path (or parameter name) and what is wrong with it. */
public record FieldError(String field, String message) {
}
