package org.caseregistry.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap while a measurement runs: the most it used (sampled every 5 ms, garbage included: at
 * most the maximum heap) and the most it still held right after a garbage collection (an upper
 * bound of what the work kept alive: a young collection leaves the old generation's garbage). The
 * sum of the pools' own peaks overstates the first, since the pools peak at different moments.
 */
final class HeapWatch implements AutoCloseable {

  private final List<MemoryPoolMXBean> pools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();
  private final Set<String> poolNames =
      pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final long before;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong live = new AtomicLong();
  private final NotificationListener afterGc = (notification, handback) -> afterGc(notification);
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapWatch() {
    before = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(afterGc, null, null);
    }
    sampler =
        new Thread(
            () -> {
              while (running) {
                long now = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
                used.accumulateAndGet(now, Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException stop) {
                  return;
                }
              }
            },
            "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  static HeapWatch start() {
    System.gc();
    return new HeapWatch();
  }

  private void afterGc(Notification notification) {
    if (!notification
        .getType()
        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (poolNames.contains(pool.getKey())) {
        MemoryUsage usage = pool.getValue();
        after += usage.getUsed();
      }
    }
    live.accumulateAndGet(after, Math::max);
  }

  /** The heap in use when the watch started, right after a full collection: the baseline. */
  long beforeMb() {
    return before / (1024 * 1024);
  }

  long peakUsedMb() {
    return used.get() / (1024 * 1024);
  }

  long peakLiveMb() {
    return live.get() / (1024 * 1024);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) collector).removeNotificationListener(afterGc);
      } catch (ListenerNotFoundException ignored) {
        // never added
      }
    }
  }
}
