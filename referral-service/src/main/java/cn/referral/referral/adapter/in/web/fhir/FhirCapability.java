package cn.referral.referral.adapter.in.web.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What the view serves, exactly: five resource types read by id, two of them searchable with the
 * parameters {@link FhirSearchParameters} accepts. Nothing here is writable.
 */
final class FhirCapability {

    /** The day this statement last changed (FHIR requires a date; it is not the build time). */
    static final String PUBLISHED = "2026-11-25";

    private FhirCapability() {
    }

    static CapabilityStatement statement(String baseUrl) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId("referral-service");
        statement.setName("TwoWayReferralFhirView");
        statement.setTitle("双向转诊 FHIR R4 read-only view");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDateElement(new DateTimeType(PUBLISHED));
        statement.setPublisher("two-way referral platform");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("referral-service");
        statement.getImplementation().setDescription("Referrals of the two-way referral platform, read-only")
                .setUrl(baseUrl);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Bearer JWT required; the same object-level access and audit as the JSON API. "
                        + "Searches page with _count (1-100, default 20) and follow Bundle.link 'next'.");
        rest.getSecurity().setDescription("OAuth2 bearer token (JWT): roles and institution decide what is visible; "
                + "a referral of another institution is not found");
        resource(rest, "ServiceRequest", FhirSearchParameters.SERVICE_REQUEST_PARAMETERS);
        resource(rest, "Task", FhirSearchParameters.TASK_PARAMETERS);
        resource(rest, "Patient", List.of());
        resource(rest, "Organization", List.of());
        resource(rest, "Appointment", List.of());
        return statement;
    }

    /** A resource type read by id, and searched with {@code searchParameters} unless there are none. */
    private static void resource(CapabilityStatement.CapabilityStatementRestComponent rest, String type,
                                 List<FhirSearchParameters.Parameter> searchParameters) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        resource.setProfile("http://hl7.org/fhir/StructureDefinition/" + type);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        if (!searchParameters.isEmpty()) {
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        }
        resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION);
        resource.setReadHistory(false);
        resource.setUpdateCreate(false);
        for (FhirSearchParameters.Parameter parameter : searchParameters) {
            resource.addSearchParam().setName(parameter.name()).setType(parameter.type())
                    .setDefinition("http://hl7.org/fhir/SearchParameter/" + parameter.definition())
                    .setDocumentation(parameter.documentation());
        }
    }

    static List<String> resourceTypes() {
        return List.of("ServiceRequest", "Task", "Patient", "Organization", "Appointment");
    }
}
