package cn.referral.referral.domain.referral;

/** Metadata of a document the referrer attached (the document itself lives in the EMR). */
public record Attachment(String title, String mediaType, long sizeBytes, String documentRef) {
}
