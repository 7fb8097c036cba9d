package dev.stackpulse.summit.summit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The growth rule of the attendance series, without the database. */
class AttendanceTest {

    @Test
    void growthIsAbsoluteAndPercentOfThePreviousWithOneDecimal() {
        assertEquals(new BigDecimal("50.0"), Attendance.percent(3000, 4500));
        assertEquals(new BigDecimal("4.4"), Attendance.percent(4500, 4700));
        assertEquals(new BigDecimal("27.7"), Attendance.percent(4700, 6000));
        assertEquals(new BigDecimal("-16.7"), Attendance.percent(6000, 5000));
        assertNull(Attendance.percent(null, 5000));
        assertNull(Attendance.percent(0, 5000));
    }

    @Test
    void summitsWithoutAttendanceAreNotPointsAndDoNotBreakTheChain() {
        Attendance a = Attendance.of(List.of(summit("a", 2013, 3000), summit("planned", 2014, null),
                summit("b", 2015, 4500)));
        assertEquals(List.of("a", "b"), a.series().stream().map(Attendance.Point::slug).toList());
        assertEquals(1500, a.series().get(1).growth());
        assertEquals(new BigDecimal("50.0"), a.series().get(1).growthPercent());
        assertNull(a.series().get(0).growth());
        assertEquals(List.of("planned"), a.withoutAttendance());
    }

    private static Summit summit(String slug, int year, Integer attendees) {
        Summit s = new Summit();
        s.slug = slug;
        s.startDate = LocalDate.of(year, 1, 1);
        s.attendees = attendees;
        return s;
    }
}
