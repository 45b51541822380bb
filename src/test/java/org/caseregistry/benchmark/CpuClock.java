package org.caseregistry.benchmark;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time spent by the application's JVM (with the benchmark's clients, the same for every run)
 * and by the PostgreSQL server's processes: divided by the requests of a measurement, a figure of
 * the work per request that does not depend on how many other processes share the machine, unlike
 * wall-clock latencies. The database's share is read from {@code /proc} (Linux, a local server);
 * elsewhere it is absent.
 */
final class CpuClock {

  /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
  private static final long TICKS_PER_SECOND = 100;

  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final long postmaster;

  CpuClock(JdbcTemplate jdbc) {
    long pid = -1;
    try {
      String directory = jdbc.queryForObject("show data_directory", String.class);
      List<String> lines = Files.readAllLines(Path.of(directory, "postmaster.pid"));
      pid = Long.parseLong(lines.get(0).strip());
    } catch (RuntimeException | IOException notLocal) {
      // A server elsewhere (Testcontainers): only the application's CPU is measured.
    }
    this.postmaster = pid;
  }

  /**
   * Bytes allocated so far by the JVM's live threads (the server's request threads and the
   * clients): unlike CPU time, a figure of the work per request that does not grow when other
   * processes share the cores.
   */
  long allocatedBytes() {
    long[] ids = threads.getAllThreadIds();
    return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(n -> n > 0).sum();
  }

  /** CPU time, in nanoseconds, of this JVM so far. */
  long applicationNanos() {
    return os.getProcessCpuTime();
  }

  /** CPU time, in nanoseconds, of the PostgreSQL server and its backends so far; -1 if unknown. */
  long databaseNanos() {
    if (postmaster < 0) {
      return -1;
    }
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      long ticks =
          processes
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .mapToLong(this::ticksIfServer)
              .sum();
      return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException unreadable) {
      return -1;
    }
  }

  private long ticksIfServer(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // The command may hold spaces: the fields after it start past its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long pid = Long.parseLong(process.getFileName().toString());
      long parent = Long.parseLong(fields[1]);
      if (pid != postmaster && parent != postmaster) {
        return 0;
      }
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return 0; // the process ended meanwhile
    }
  }
}
