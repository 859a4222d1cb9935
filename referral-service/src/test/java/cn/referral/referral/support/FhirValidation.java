package cn.referral.referral.support;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's instance validator against the FHIR R4 base specification only (structure definitions,
 * invariants, required bindings), with no terminology server: codes of systems it does not hold
 * (ICD-10, our own) can at most warn. Building it takes seconds, so one instance serves a class.
 */
public final class FhirValidation {

    private final FhirValidator validator;

    public FhirValidation() {
        FhirContext context = FhirContext.forR4Cached();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setAnyExtensionsAllowed(false);
        validator = context.newValidator().registerValidatorModule(instanceValidator);
    }

    /** The errors (and fatal errors) HAPI finds in the resource, as "location: message" lines; empty when valid. */
    public List<String> errors(String resourceJson) {
        return validator.validateWithResult(resourceJson).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::line)
                .toList();
    }

    private static String line(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }
}
