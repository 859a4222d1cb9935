package cn.referral.platform.audit;

import java.time.LocalDate;

/**
 * What an auditor learns from walking one day's audit chain.
 *
 * @param day       the day (China Standard Time)
 * @param records   how many records the day holds
 * @param intact    whether every record chains to the one before and matches its hash
 * @param headHash  the last record's hash when intact: keep it to detect a chain recomputed later
 * @param brokenAt  the place (from 1) of the first broken record, when not intact
 * @param recordId  that record's id
 * @param problem   what is wrong there
 */
public record ChainVerification(LocalDate day, int records, boolean intact, String headHash, Long brokenAt,
                                String recordId, String problem) {

    static ChainVerification intact(LocalDate day, int records, String headHash) {
        return new ChainVerification(day, records, true, headHash, null, null, null);
    }

    static ChainVerification broken(LocalDate day, int records, long at, String recordId, String problem) {
        return new ChainVerification(day, records, false, null, at, recordId, problem);
    }
}
