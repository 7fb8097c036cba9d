package dev.stackpulse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which of the held languages an Accept-Language header asks for (RFC 9110 section 12.5.4). */
class LanguageTest {

    @Test
    void theHighestWeightAmongOurLanguagesWinsEnglishOtherwise() {
        assertEquals(Language.EN, Language.from((String) null));
        assertEquals(Language.EN, Language.from(""));
        assertEquals(Language.JA, Language.from("ja"));
        assertEquals(Language.JA, Language.from("ja-JP,en;q=0.8"));
        assertEquals(Language.EN, Language.from("en-GB,ja;q=0.8"));
        assertEquals(Language.JA, Language.from("fr, ja;q=0.5"));
        assertEquals(Language.EN, Language.from("fr, de"));
        assertEquals(Language.EN, Language.from("ja;q=0"));
        assertEquals(Language.EN, Language.from("ja;q=0, *"));
        assertEquals(Language.JA, Language.from("en;q=0, *"));
        assertEquals(Language.EN, Language.from("ja;q=abc"), "a malformed weight is not acceptable");
        assertEquals(Language.EN, Language.from("en, ja"), "a tie goes to English, the default");
    }
}
