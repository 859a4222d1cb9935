package cn.referral.platform.outbox;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.platform.scheduling.SubscriptionLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the relay while the application runs: per outbox collection one loop of passes, started
 * by a write that appended events ({@link OutboxWakeUps}: the pass claims the written documents
 * by id) or by the poll interval (the pass searches the collection), whichever comes first. Passes of a collection never overlap; triggers that arrive during a pass
 * are coalesced into one more pass after it. At start it creates the claim index.
 */
public class OutboxRelayJob extends SubscriptionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayJob.class);

    private final OutboxRelay relay;
    private final OutboxWakeUps wakeUps;
    private final OutboxProperties properties;

    public OutboxRelayJob(OutboxRelay relay, OutboxWakeUps wakeUps, OutboxProperties properties) {
        this.relay = relay;
        this.wakeUps = wakeUps;
        this.properties = properties;
    }

    @Override
    protected Disposable subscribe() {
        List<String> collections = properties.collections();
        log.info("Starting the outbox relay for {}: on every write{}, and every {}", collections,
                properties.wakeOnWrite() ? "" : " (off: platform.outbox.wake-on-write=false)", properties.pollInterval());
        Disposable.Composite loops = Disposables.composite();
        collections.forEach(collection -> {
            loops.add(relay.ensureClaimIndex(collection).subscribe(
                    name -> log.debug("Outbox claim index {} on {} in place", name, collection),
                    error -> log.warn("Could not create the outbox claim index on {}: {}", collection,
                            error.toString())));
            loops.add(loop(collection).subscribe());
        });
        return loops;
    }

    private Flux<Long> loop(String collection) {
        Flux<Boolean> ticks = Flux.interval(properties.pollInterval()).onBackpressureDrop().map(tick -> Boolean.TRUE);
        Flux<Boolean> writes = wakeUps.of(collection).map(wake -> Boolean.FALSE);
        return Flux.merge(ticks, writes)
                .onBackpressureLatest()
                .concatMap(poll -> pass(collection, poll)
                        .onErrorResume(error -> {
                            log.warn("Outbox relay pass over {} failed, will run again: {}", collection,
                                    error.toString());
                            return Mono.empty();
                        }), 0);
    }

    /**
     * A poll searches the whole collection (and covers every pending wake-up); a wake-up claims the
     * documents the writes named, by id, unless one of them could not be named.
     */
    private Mono<Long> pass(String collection, boolean poll) {
        OutboxWakeUps.Pending pending = wakeUps.take(collection);
        if (poll || pending.everything()) {
            return relay.drain(collection);
        }
        return pending.isEmpty() ? Mono.empty() : relay.drainDocuments(collection, pending.documents());
    }
}
