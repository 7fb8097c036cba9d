package dev.stackpulse.summit.colocated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which language of a co-located event's summary an Accept-Language header asks for (RFC 9110 section 12.5.4). */
class LanguageTest {

    @Test
    void theHighestWeightAmongOurLanguagesWinsEnglishOtherwise() {
        assertEquals(Language.EN, Language.parse(null));
        assertEquals(Language.EN, Language.parse(""));
        assertEquals(Language.JA, Language.parse("ja"));
        assertEquals(Language.JA, Language.parse("ja-JP,en;q=0.8"));
        assertEquals(Language.EN, Language.parse("en-GB,ja;q=0.8"));
        assertEquals(Language.JA, Language.parse("fr, ja;q=0.5"));
        assertEquals(Language.EN, Language.parse("fr, de"));
        assertEquals(Language.EN, Language.parse("ja;q=0"));
        assertEquals(Language.EN, Language.parse("ja;q=0, *"));
        assertEquals(Language.JA, Language.parse("en;q=0, *"));
        assertEquals(Language.EN, Language.parse("ja;q=abc"), "a malformed weight is not acceptable");
        assertEquals(Language.EN, Language.parse("en, ja"), "a tie goes to English, the default");
    }
}
