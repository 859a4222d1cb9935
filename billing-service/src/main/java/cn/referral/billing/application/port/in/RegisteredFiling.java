package cn.referral.billing.application.port.in;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.billing.domain.filing.InsuranceTypeCode;
import cn.referral.billing.domain.filing.TransferFiling;

/**
 * A 转院备案 as billing registers it with insurers, flat: the fields of the 2501 record
 * ({@code billing.transfer-filing-registered.v1}), which the filing query answers too (plus its status). The
 * snake_case components carry the national interface's own field names, the camelCase ones are ours; fields we
 * cannot fill are null, never guessed (docs/insurance-2501.md). {@code psn_no} is given by the caller: in full on
 * the wire, as the reader may see it in a query ({@link Shown}).
 */
public record RegisteredFiling(String infno, String filingId, String referralId, String decisionId, String psn_no,
                               String insutype, String insuplc_admdvs, String mdtrtarea_admdvs,
                               String fixmedins_code, String fixmedins_name, String reflin_medins_no,
                               String reflin_medins_name, String diag_code, String diag_name,
                               String dise_cond_dscr, String out_flag, LocalDate refl_date, String refl_rea,
                               String refl_opnn, String hosp_agre_refl_flag, LocalDate begndate, LocalDate enddate,
                               String tel, String addr, Instant registeredAt) {

    public static RegisteredFiling of(TransferFiling filing, String insuredPersonNo) {
        return new RegisteredFiling("2501", filing.filingId().value(), filing.referralId().value(),
                filing.decisionId().value(), insuredPersonNo, InsuranceTypeCode.of(filing.scheme()),
                filing.insuringRegion().value(), filing.receiving().regionCode(), filing.referring().medinsCode(),
                filing.referring().name(), filing.receiving().medinsCode(), filing.receiving().name(),
                filing.diagnosisCode(), filing.diagnosisName(), filing.conditionDescription(),
                filing.outOfRegion() ? "1" : "0", filing.transferDate(), filing.reason(), null, "1",
                filing.beginDate(), filing.endDate(), null, null, filing.registeredAt());
    }
}
