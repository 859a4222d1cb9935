package cn.referral.referral.domain.referral;

/** What came of the care the patient was referred for, reported back to the referring doctor. */
public enum TreatmentOutcome {
    RECOVERED, IMPROVED, STABLE, UNCHANGED, WORSENED, TRANSFERRED_ON, DECEASED
}
