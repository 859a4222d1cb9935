package cn.referral.billing.domain;

import java.util.Objects;

/**
 * 医保人员编号: settlement needs it in clear, nothing else does. {@link #toString()} masks it so a log
 * line or an exception message never carries the number.
 */
public record InsuredPersonNo(String value) {

    public InsuredPersonNo {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an insured person number cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 4);
    }
}
