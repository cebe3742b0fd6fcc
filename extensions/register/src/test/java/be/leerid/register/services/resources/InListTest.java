package be.leerid.register.services.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void slicesKeepEveryValueInOrder() {
        List<Integer> values = IntStream.range(0, 7).boxed().toList();
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)), InList.chunks(values, 3));
        assertEquals(List.of(), InList.chunks(List.of(), 3));
        assertEquals(2, InList.chunks(IntStream.range(0, InList.MAX_VALUES + 1).boxed().toList()).size());
    }

    @Test
    void placeholdersMatchTheCount() {
        assertEquals("?, ?, ?", InList.placeholders(3));
    }
}
