package cn.referral.billing.adapter.in.web;

import java.util.List;
import java.util.StringJoiner;

import cn.referral.billing.application.port.in.SettlementLine;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.platform.domain.Identifier;

/**
 * The daily settlement export (RFC 4180 CSV, UTF-8, header row, amounts in fen). An {@code ISSUED}
 * line carries the decision's amounts; a {@code REVOKED} line repeats the decision with every amount
 * negated (a reversal, 冲正), so each amount column sums to the day's net effect and reconciles with
 * the day's events. Amounts are empty for {@code NO_SCHEDULE} (unknown, not zero). The insured person
 * number is in full for the region's insurer only, masked for auditors.
 */
final class SettlementCsv {

    static final String HEADER = "line_type,event_time,decision_id,referral_id,region_code,insurance_scheme,"
            + "insured_person_no,direction,care_type,from_institution_id,to_institution_id,alliance_id,same_alliance,"
            + "rule,standard_deductible_fen,already_paid_fen,waived_fen,payable_fen,valid_from,valid_until,"
            + "revocation_reason";

    private SettlementCsv() {
    }

    static String render(List<SettlementLine> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        lines.forEach(line -> csv.append(line(line)).append("\r\n"));
        return csv.toString();
    }

    private static String line(SettlementLine line) {
        DeductibleDecision decision = line.decision();
        DeductibleAssessment assessment = decision.assessment();
        int sign = line.kind() == SettlementLine.Kind.REVOKED ? -1 : 1;
        StringJoiner fields = new StringJoiner(",");
        fields.add(line.kind().name())
                .add(line.at().toString())
                .add(escape(decision.decisionId().value()))
                .add(escape(decision.referralId().value()))
                .add(decision.region().value())
                .add(decision.care().scheme().name())
                .add(escape(line.insuredPersonNo()))
                .add(decision.care().direction().name())
                .add(decision.care().careType().name())
                .add(escape(decision.care().from().id().value()))
                .add(escape(decision.care().to().id().value()))
                .add(escape(Identifier.valueOrNull(assessment.allianceId())))
                .add(Boolean.toString(assessment.sameAlliance()))
                .add(assessment.rule().name())
                .add(signed(assessment.standardDeductible(), sign))
                .add(signed(assessment.alreadyPaid(), sign))
                .add(signed(assessment.waived(), sign))
                .add(signed(assessment.payable(), sign))
                .add(decision.validFrom().toString())
                .add(decision.validUntil().toString())
                .add(line.kind() == SettlementLine.Kind.REVOKED ? decision.revocationReason().name() : "");
        return fields.toString();
    }

    private static String signed(Fen amount, int sign) {
        return amount == null ? "" : Long.toString(sign * amount.value());
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
