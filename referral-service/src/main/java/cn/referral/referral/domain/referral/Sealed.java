package cn.referral.referral.domain.referral;

/**
 * A patient detail held only in encrypted form (AES-GCM, sealed outside the domain). The domain
 * carries it without ever seeing the clear value.
 */
public record Sealed(String value) {

    public Sealed {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a sealed value is required");
        }
    }

    @Override
    public String toString() {
        return "Sealed[***]";
    }
}
