package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultProbeTest {

    @Test
    void shouldReadNamesAndSpecsWithTheirOwnCommas() {
        List<FaultProbe> probes = FaultProbe.parse("429,stall:ms=2000,ping_ms=500@after_chunks=2,reset");
        assertEquals(List.of("429", "stall:ms=2000,ping_ms=500@after_chunks=2", "reset"),
                probes.stream().map(FaultProbe::name).toList());
        assertEquals("http:status=429,retry_after=1", probes.get(0).spec());
        assertEquals(6, FaultProbe.parse(GatewaySettings.DEFAULT_FAULTS).size());
        assertEquals(List.of(), FaultProbe.parse("none"));
    }

    @Test
    void shouldRefuseWhatIsNeitherANameNorASpec() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultProbe.parse("429,teapot"));
        assertTrue(e.getMessage().startsWith("--gateway-faults: 'teapot' is neither"), e.getMessage());
    }
}
