package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.workload.ChatMessage;
import io.streambench.driver.workload.PlannedRequest;
import io.streambench.driver.workload.TokenPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PlannerTest {

    private static Prepared request(long index) {
        PlannedRequest plan = new PlannedRequest(index, List.of(ChatMessage.user("r" + index)),
                new TokenPlan(0, 0, 1, 0, false), OptionalLong.empty(), PlannedRequest.Grouping.NONE, Map.of());
        return new Prepared(plan, new byte[0], null);
    }

    @Test
    void shouldHandOutRequestsInNumberOrderUntilTheSourceEnds() {
        AtomicLong counter = new AtomicLong(10);
        try (Planner planner = new Planner()) {
            Planner.Ahead ahead = planner.ahead(i -> i < 15 ? request(i) : null, counter::getAndIncrement, 2);
            List<Long> taken = new ArrayList<>();
            Prepared p;
            while ((p = ahead.take(() -> false)) != null) {
                taken.add(p.plan().index());
            }
            assertEquals(List.of(10L, 11L, 12L, 13L, 14L), taken, "each number once, in order, past a full queue");
            assertNull(ahead.take(() -> false), "the end stays the end");
            assertNull(ahead.poll());
        }
    }

    @Test
    void shouldNeverWaitInPollAndNeverPlanANumberTwice() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong counter = new AtomicLong();
        try (Planner planner = new Planner()) {
            Planner.Ahead ahead = planner.ahead(i -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return request(i);
            }, counter::getAndIncrement, 4);
            long start = System.nanoTime();
            assertNull(ahead.poll(), "nothing ready: an event loop goes on at once");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
            long claimedElsewhere = counter.getAndIncrement(); // a request planned on its own, as a fallback does
            release.countDown();
            ahead.awaitFilled(() -> false);
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                taken.add(ahead.take(() -> false).plan().index());
            }
            assertTrue(!taken.contains(claimedElsewhere), () -> claimedElsewhere + " planned again: " + taken);
        }
    }

    @Test
    void shouldGiveThePlanningFailureToTheConsumer() {
        try (Planner planner = new Planner()) {
            Planner.Ahead ahead = planner.ahead(i -> {
                if (i == 1) {
                    throw new IllegalStateException("built a prompt of 9 tokens for input_length 10");
                }
                return request(i);
            }, new AtomicLong()::getAndIncrement, 8);
            assertEquals(0, ahead.take(() -> false).plan().index());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ahead.take(() -> false));
            assertTrue(e.getMessage().contains("built a prompt of 9 tokens"), e::getMessage);
            assertThrows(IllegalStateException.class, ahead::poll, "and to every later one");
        }
    }

    @Test
    void shouldStopWaitingWhenTheRunStops() {
        try (Planner planner = new Planner()) {
            CountDownLatch never = new CountDownLatch(1);
            Planner.Ahead ahead = planner.ahead(i -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }, new AtomicLong()::getAndIncrement, 2);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            assertNull(ahead.take(() -> System.nanoTime() > deadline));
        }
    }
}
