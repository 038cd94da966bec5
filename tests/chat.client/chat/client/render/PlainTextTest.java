package chat.client.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain text                      | plain text
            "\u0002bold\u000f"              | bold
            "\u000312red"                   | red
            "\u00034,1red on black"         | red on black
            "\u00034,x"                     | ",x"
            "\u0003,5comma"                 | ",5comma"
            "\u0004ff0000,00ff00hex"        | hex
            "\u0004ff00short"               | ff00short
            "\u001b[31mred\u001b[0m"        | [31mred[0m
            "tab\there"                     | tab here
            "bell\u0007 \u009bcsi"          | bell csi
            "é 😀"                           | é 😀
            """)
    void strips(String text, String plain) {
        assertThat(PlainText.clean(text)).isEqualTo(plain);
    }
}
