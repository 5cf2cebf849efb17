import java.nio.file.Path;
import java.util.List;

/**
 * Maven's step of {@code -Pdist}: run on the toolchain's JDK 21+ (exec-maven-plugin resolves {@code java} through
 * the toolchain while Maven itself may run on an older default java), so {@code java.home} here is the JDK whose
 * jlink and jpackage build the packages. Hands over to the platform's script.
 */
public final class Dist {
    public static void main(String[] args) throws Exception {
        String javaHome = Path.of(System.getProperty("java.home")).toString();
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        List<String> command = windows
                ? List.of("powershell", "-NoProfile", "-ExecutionPolicy", "Bypass", "-File", "packaging\\build.ps1",
                        javaHome, args[0])
                : List.of("bash", "packaging/build.sh", javaHome, args[0]);
        System.exit(new ProcessBuilder(command).inheritIO().start().waitFor());
    }
}
