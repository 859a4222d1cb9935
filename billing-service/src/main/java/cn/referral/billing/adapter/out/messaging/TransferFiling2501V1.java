package cn.referral.billing.adapter.out.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Wire record of {@code billing.transfer-filing-registered.v1}: the 转院备案 (national 医保 interface
 * 2501) of one accepted referral, for insurers' settlement systems. The snake_case components carry
 * the interface's own field names; the camelCase ones are ours, to join it with the deductible
 * decision and the settlement CSV ({@code referralId}, {@code decisionId}). Fields we cannot fill are
 * null, never guessed; docs/insurance-2501.md explains each. Fields are only ever added: {@code filingVersion}
 * (the filing's version after the event: 1; {@code registeredAt} is when the event happened).
 */
public record TransferFiling2501V1(String infno, String filingId, String referralId, String decisionId,
                                   String psn_no, String insutype, String insuplc_admdvs, String mdtrtarea_admdvs,
                                   String fixmedins_code, String fixmedins_name, String reflin_medins_no,
                                   String reflin_medins_name, String diag_code, String diag_name,
                                   String dise_cond_dscr, String out_flag, LocalDate refl_date, String refl_rea,
                                   String refl_opnn, String hosp_agre_refl_flag, LocalDate begndate,
                                   LocalDate enddate, String tel, String addr, Instant registeredAt,
                                   long filingVersion) {
}
