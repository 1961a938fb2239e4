package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import cn.edu.cumt.union.api.directory.DemoUniversity;

public class HealthResourceTest {

    @Test
    public void aDemoComponentWithoutADemoUniversityIsDormantNotStarting() {
        assertTrue(HealthResource.waitsOnlyForDormantServices(waitingFor("demo")));
    }

    @Test
    public void aComponentStillWaitingForItsStorageIsStarting() {
        assertFalse(HealthResource.waitsOnlyForDormantServices(waitingFor("jpa")));
        assertFalse("waiting for storage as well as for the demo", HealthResource.waitsOnlyForDormantServices(waitingFor("demo", "jpa")));
    }

    @Test
    public void aComponentThatNamesNoUnsatisfiedReferenceIsNotCalledDormant() {
        assertFalse(HealthResource.waitsOnlyForDormantServices(waitingFor()));
    }

    private static ComponentConfigurationDTO waitingFor(String... names) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.references = new ReferenceDTO[] { reference("demo", DemoUniversity.class.getName()),
                reference("jpa", JpaTemplate.class.getName()) };
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.description = description;
        configuration.state = ComponentConfigurationDTO.UNSATISFIED_REFERENCE;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[names.length];
        for (int i = 0; i < names.length; i++) {
            configuration.unsatisfiedReferences[i] = new UnsatisfiedReferenceDTO();
            configuration.unsatisfiedReferences[i].name = names[i];
        }
        return configuration;
    }

    private static ReferenceDTO reference(String name, String interfaceName) {
        ReferenceDTO reference = new ReferenceDTO();
        reference.name = name;
        reference.interfaceName = interfaceName;
        return reference;
    }
}
