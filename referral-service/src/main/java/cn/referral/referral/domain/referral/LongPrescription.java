package cn.referral.referral.domain.referral;

import java.util.List;

/** A 长处方 handed over with a down-referral: medications and how many days they cover. */
public record LongPrescription(List<String> medications, int days) {

    public LongPrescription {
        medications = medications == null ? List.of() : List.copyOf(medications);
    }
}
