package cn.referral.referral.adapter.in.web.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.application.port.in.NetworkOrganization;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.referral.Completion;
import cn.referral.referral.domain.referral.HistoryEntry;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralRequest;
import cn.referral.referral.domain.referral.ReferralState;
import cn.referral.referral.domain.referral.SlotStatus;
import cn.referral.referral.domain.referral.Urgency;

/**
 * Our referral as FHIR R4 resources (the mapping table is docs/fhir.md). A referral is one
 * ServiceRequest (what is asked for) and one Task (the workflow around it), both with the
 * referral's id; the held or booked slot is an Appointment with that id too. The patient is only
 * their pseudonym and the last four characters of the identity number: never a name, birth date,
 * phone, or more of a number.
 */
final class FhirResources {

    private FhirResources() {
    }

    // ---- ServiceRequest

    static ServiceRequest serviceRequest(Referral referral) {
        ReferralRequest request = referral.request();
        ServiceRequest resource = ofReferral(new ServiceRequest(), referral);
        resource.addIdentifier().setSystem(FhirSystems.REFERRAL_ID).setValue(referral.id().value());
        resource.setStatus(serviceRequestStatus(referral.state()));
        resource.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        resource.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(priority(request.urgency())));
        resource.addCategory().addCoding(new Coding(FhirSystems.SNOMED, "3457005", "Patient referral"));
        resource.addCategory().addCoding(new Coding(FhirSystems.DIRECTION, request.direction().name(),
                request.direction() == cn.referral.referral.domain.referral.Direction.UP ? "上转" : "下转"));
        resource.getCode().addCoding(new Coding(FhirSystems.CARE_TYPE, request.careType().name(), null))
                .setText(request.toDepartment() == null ? request.careType().name()
                        : request.careType().name() + " " + request.toDepartment());
        resource.setSubject(patientReference(referral));
        resource.setOccurrence(window(request.requestedWindow().from(), request.requestedWindow().until()));
        resource.setAuthoredOn(Date.from(referral.submittedAt()));
        resource.setRequester(organization(request.fromInstitutionId()));
        resource.addPerformer(organization(request.toInstitutionId()));
        resource.addReasonCode(diagnosis(request));
        resource.addNote(new Annotation().setText(request.reason()));
        return resource;
    }

    /** FHIR's request status: active until the referral closes; completed, or revoked by any side exit. */
    static ServiceRequest.ServiceRequestStatus serviceRequestStatus(ReferralState state) {
        return switch (state) {
            case SUBMITTED, SLOT_HELD, WAITLISTED, ACCEPTED, ARRIVED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case REJECTED, CANCELLED, EXPIRED, NO_SHOW -> ServiceRequest.ServiceRequestStatus.REVOKED;
        };
    }

    static String priority(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> "routine";
            case URGENT -> "urgent";
            case EMERGENCY -> "stat";
        };
    }

    // ---- Task

    static Task task(Referral referral) {
        ReferralRequest request = referral.request();
        Task task = ofReferral(new Task(), referral);
        task.addIdentifier().setSystem(FhirSystems.REFERRAL_ID).setValue(referral.id().value());
        task.setStatus(taskStatus(referral.state()));
        task.setBusinessStatus(new CodeableConcept(new Coding(FhirSystems.REFERRAL_STATE, referral.state().name(), null))
                .setText(referral.state().name()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.fromCode(priority(request.urgency())));
        task.setCode(new CodeableConcept(new Coding(FhirSystems.TASK_CODE, "fulfill", "Fulfill the focal request")));
        task.setFocus(new Reference("ServiceRequest/" + referral.id().value()));
        task.setFor(patientReference(referral));
        task.setAuthoredOn(Date.from(referral.submittedAt()));
        task.setLastModified(Date.from(lastChange(referral)));
        task.setRequester(organization(request.fromInstitutionId()));
        task.setOwner(organization(request.toInstitutionId()));
        task.getRestriction().setPeriod(window(request.requestedWindow().from(), request.requestedWindow().until()));
        statusReason(referral).ifPresent(task::setStatusReason);
        if (referral.arrivedAt() != null) {
            Period execution = new Period().setStart(Date.from(referral.arrivedAt()));
            if (referral.state() == ReferralState.COMPLETED) {
                execution.setEnd(Date.from(referral.closedAt()));
            }
            task.setExecutionPeriod(execution);
        }
        if (referral.appointment() != null) {
            task.addOutput().setType(output("appointment"))
                    .setValue(new Reference("Appointment/" + referral.id().value()));
        }
        Completion completion = referral.completion();
        if (referral.state() == ReferralState.COMPLETED && completion != null) {
            task.addOutput().setType(output("outcome")).setValue(new CodeableConcept(
                    new Coding(FhirSystems.TREATMENT_OUTCOME, completion.outcome().name(), null)));
            task.addOutput().setType(output("summary")).setValue(new StringType(completion.summary()));
            task.addOutput().setType(output("down-referral-recommended"))
                    .setValue(new BooleanType(completion.downReferralRecommended()));
        }
        return task;
    }

    /** Our state as a Task status; the state itself is {@code businessStatus}. */
    static Task.TaskStatus taskStatus(ReferralState state) {
        return switch (state) {
            case SUBMITTED, SLOT_HELD, WAITLISTED -> Task.TaskStatus.REQUESTED;
            case ACCEPTED -> Task.TaskStatus.ACCEPTED;
            case ARRIVED -> Task.TaskStatus.INPROGRESS;
            case COMPLETED -> Task.TaskStatus.COMPLETED;
            case REJECTED -> Task.TaskStatus.REJECTED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
            case EXPIRED, NO_SHOW -> Task.TaskStatus.FAILED;
        };
    }

    private static Optional<CodeableConcept> statusReason(Referral referral) {
        return switch (referral.state()) {
            case REJECTED -> Optional.of(new CodeableConcept(new Coding(FhirSystems.REJECT_REASON,
                    referral.rejectReason().name(), null)).setText(referral.rejectNote()));
            case CANCELLED -> Optional.of(new CodeableConcept(new Coding(FhirSystems.CANCEL_REASON,
                    referral.cancelReason().name(), null)));
            case EXPIRED -> Optional.of(new CodeableConcept(new Coding(FhirSystems.CLOSING_REASON, "NOT_ACCEPTED_IN_TIME",
                    null)).setText("not accepted by " + referral.deadlines().acceptBy()));
            case NO_SHOW -> Optional.of(new CodeableConcept(new Coding(FhirSystems.CLOSING_REASON, "NO_SHOW", null))
                    .setText("not arrived by " + referral.appointment().noShowAfter()));
            default -> Optional.empty();
        };
    }

    private static CodeableConcept output(String code) {
        return new CodeableConcept(new Coding(FhirSystems.TASK_OUTPUT, code, null));
    }

    // ---- Appointment

    /** The booked appointment, or the slot quota-service holds before acceptance; empty when there is neither. */
    static Optional<Appointment> appointment(Referral referral) {
        Appointment resource = ofReferral(new Appointment(), referral);
        resource.addBasedOn(new Reference("ServiceRequest/" + referral.id().value()));
        resource.addParticipant().setActor(patientReference(referral))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        if (referral.request().toDepartment() != null) {
            resource.addServiceType().setText(referral.request().toDepartment());
        }
        if (referral.appointment() != null) {
            // the end is the no-show deadline: the time in which the patient is expected
            resource.setStart(Date.from(referral.appointment().at()));
            resource.setEnd(Date.from(referral.appointment().noShowAfter()));
            resource.setCreated(Date.from(referral.acceptedAt()));
            resource.setStatus(switch (referral.state()) {
                case ARRIVED -> Appointment.AppointmentStatus.ARRIVED;
                case COMPLETED -> Appointment.AppointmentStatus.FULFILLED;
                case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
                case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
                default -> Appointment.AppointmentStatus.BOOKED;
            });
            return Optional.of(resource);
        }
        SlotStatus slot = referral.slot();
        if (slot.date() == null) {
            return Optional.empty();
        }
        // a held unit has a day and a session, no time yet: a proposal until the desk books it
        resource.setStatus(referral.state().awaitsAcceptance() ? Appointment.AppointmentStatus.PROPOSED
                : Appointment.AppointmentStatus.CANCELLED);
        resource.addRequestedPeriod(window(slot.date(), slot.date()));
        resource.setDescription("reserved unit held" + (slot.session() == null ? "" : ", session " + slot.session())
                + (slot.greenChannel() ? ", green channel" : ""));
        return Optional.of(resource);
    }

    // ---- Patient

    /** Pseudonym and the identity number's last four characters only (DESIGN §5). */
    static Patient patient(cn.referral.referral.domain.referral.Patient patient) {
        Patient resource = new Patient();
        resource.setId(patient.patientRef());
        resource.addIdentifier().setSystem(FhirSystems.PATIENT_REF).setValue(patient.patientRef());
        resource.addIdentifier().setType(new CodeableConcept(new Coding(FhirSystems.V2_IDENTIFIER_TYPE, "NI",
                        "National unique individual identifier")).setText("居民身份证号 (last 4 characters)"))
                .setValue(lastFour(patient.maskedIdNumber()));
        return resource;
    }

    /** {@code ************123X}: what is left of a masked number when even its region prefix is hidden. */
    static String lastFour(String masked) {
        if (masked == null || masked.length() < 4) {
            return "****";
        }
        return "*".repeat(masked.length() - 4) + masked.substring(masked.length() - 4);
    }

    // ---- Organization

    /** An institution (part of the first alliance it is a member of), or an alliance. */
    static Organization organization(NetworkOrganization organization) {
        if (organization instanceof NetworkOrganization.Member member) {
            return organization(member.institution(), member.alliances());
        }
        return alliance(((NetworkOrganization.AllianceOrganization) organization).alliance());
    }

    static Organization organization(Institution institution, List<Alliance> alliances) {
        Organization resource = fromRegistry(FhirSystems.INSTITUTION_ID, institution.id().value(),
                institution.version(), institution.active(), institution.name());
        resource.addType(new CodeableConcept(new Coding(FhirSystems.ORGANIZATION_TYPE, "prov", "Healthcare Provider")));
        resource.addType(new CodeableConcept(new Coding(FhirSystems.INSTITUTION_LEVEL, institution.level().name(),
                null)).setText(institution.level().name()));
        if (institution.regionCode() != null) {
            resource.addAddress().setDistrict(institution.regionCode()).setCountry("CN");
        }
        alliances.stream().findFirst().ifPresent(first -> resource.setPartOf(
                new Reference("Organization/" + first.allianceId().value()).setDisplay(first.name())));
        return resource;
    }

    static Organization alliance(Alliance alliance) {
        Organization resource = fromRegistry(FhirSystems.ALLIANCE_ID, alliance.allianceId().value(), alliance.version(),
                alliance.active(), alliance.name());
        resource.addType(new CodeableConcept(new Coding(FhirSystems.ORGANIZATION_KIND, "MEDICAL_ALLIANCE",
                null)).setText("医联体"));
        return resource;
    }

    /** An institution or an alliance as the registry's view has it: id (also as identifier), version, name. */
    private static Organization fromRegistry(String idSystem, String id, long version, boolean active, String name) {
        Organization resource = new Organization();
        resource.setId(id);
        resource.getMeta().setVersionId(String.valueOf(version));
        resource.addIdentifier().setSystem(idSystem).setValue(id);
        resource.setActive(active);
        resource.setName(name);
        return resource;
    }

    // ---- shared pieces

    /** The resource under the referral's id, at the referral's version and last change. */
    private static <R extends DomainResource> R ofReferral(R resource, Referral referral) {
        resource.setId(referral.id().value());
        resource.getMeta().setVersionId(String.valueOf(referral.version()))
                .setLastUpdated(Date.from(lastChange(referral)));
        return resource;
    }

    private static Instant lastChange(Referral referral) {
        List<HistoryEntry> history = referral.history();
        return history.isEmpty() ? referral.submittedAt() : history.get(history.size() - 1).at();
    }

    private static Reference patientReference(Referral referral) {
        return new Reference("Patient/" + referral.request().patient().patientRef());
    }

    private static Reference organization(InstitutionId institutionId) {
        return new Reference("Organization/" + institutionId.value());
    }

    private static CodeableConcept diagnosis(ReferralRequest request) {
        return new CodeableConcept(new Coding(FhirSystems.ICD10, request.diagnosis().code(), request.diagnosis().name()))
                .setText(request.diagnosis().name());
    }

    /** Whole days as FHIR dateTimes of day precision. */
    private static Period window(LocalDate from, LocalDate until) {
        return new Period().setStartElement(new DateTimeType(from.toString()))
                .setEndElement(new DateTimeType(until.toString()));
    }
}
