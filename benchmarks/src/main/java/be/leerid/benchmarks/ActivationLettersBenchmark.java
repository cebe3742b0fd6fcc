package be.leerid.benchmarks;

import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import be.leerid.school.ActivationCode;
import be.leerid.school.letters.ActivationLetter;
import be.leerid.school.letters.ActivationLetters;
import be.leerid.school.letters.LetterWording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The activation letters of a whole school as one PDF (A4, a letter and a QR code a page), as the school
 * console makes them. Target: 2,500 letters in under 10 s on the build machine.
 * {@link PseudonymBenchmarkMain} prints the time against the target.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ActivationLettersBenchmark {

    @Param({"2500"})
    public int letters;

    private List<ActivationLetter> school;
    private LetterWording dutch;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        school = IntStream.range(0, letters).mapToObj(i -> new ActivationLetter("Leerling" + i, "Achternaam" + i,
                (1 + i % 6) + "ABC".substring(i % 3, i % 3 + 1), "leerling.achternaam" + i, ActivationCode.random(random),
                LocalDate.of(2026, 12, 16), URI.create("https://leerid.be/realms/leerid/school/activate?username=leerling.achternaam" + i)))
                .toList();
        // The letter's Dutch words as the theme ships them.
        Properties words = new Properties();
        try (var in = ActivationLettersBenchmark.class.getResourceAsStream("/theme/leerid/login/messages/messages_nl.properties")) {
            if (in == null) {
                throw new IllegalStateException("the LeerID theme is not on the classpath");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        dutch = new LetterWording(Locale.forLanguageTag("nl"), words::getProperty);
    }

    @Benchmark
    public byte[] wholeSchool() {
        return ActivationLetters.render(school, dutch);
    }
}
